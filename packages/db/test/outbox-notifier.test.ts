import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '../src/client.ts';
import { createOutboxNotifier } from '../src/outbox-notifier.ts';

// A database whose NOTIFYs finish only when the test says so: what the notifier sends, and when, is
// then exact rather than a matter of timing.
function fakeDatabase() {
  const pending: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  let sent = 0;
  const db = {
    execute: () =>
      new Promise<void>((resolve, reject) => {
        sent++;
        pending.push({ resolve, reject });
      }),
  } as unknown as DbOrTx;
  return {
    db,
    sent: () => sent,
    finish(err?: Error) {
      const next = pending.shift();
      if (!next) throw new Error('no NOTIFY in flight');
      if (err) next.reject(err);
      else next.resolve();
    },
    inFlight: () => pending.length,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('outbox notifier', () => {
  it('sends one NOTIFY at once, and one more for every poke that arrived while it was in flight', async () => {
    const fake = fakeDatabase();
    const notifier = createOutboxNotifier(fake.db, { minIntervalMs: 0 });
    notifier.poke();
    expect(fake.sent()).toBe(1);
    // A burst while the first is in flight: those commits may be after the first NOTIFY was sent, so
    // exactly one more follows — not twenty.
    for (let i = 0; i < 20; i++) notifier.poke();
    expect(fake.sent()).toBe(1);
    fake.finish();
    await new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(fake.sent()).toBe(2);
    fake.finish();
    await notifier.idle();
    expect(fake.sent()).toBe(2);
    expect(fake.inFlight()).toBe(0);
  });

  it('starts at most one NOTIFY per interval', async () => {
    const fake = fakeDatabase();
    const notifier = createOutboxNotifier(fake.db, { minIntervalMs: 50 });
    notifier.poke();
    fake.finish();
    await tick();
    // Within the interval: scheduled, not sent.
    notifier.poke();
    notifier.poke();
    expect(fake.sent()).toBe(1);
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const check = () => (fake.sent() === 2 ? resolve() : setTimeout(check, 1));
      check();
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    fake.finish();
    await notifier.idle();
    expect(fake.sent()).toBe(2);
  });

  it('swallows a failed NOTIFY (the sweep covers it) and keeps working', async () => {
    const fake = fakeDatabase();
    const notifier = createOutboxNotifier(fake.db, { minIntervalMs: 0 });
    notifier.poke();
    fake.finish(new Error('connection terminated'));
    await notifier.idle();
    notifier.poke();
    expect(fake.sent()).toBe(2);
    fake.finish();
    await notifier.idle();
  });
});
