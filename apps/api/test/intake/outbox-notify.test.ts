import { OUTBOX_CHANNEL } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, validIntake } from '../support/helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// The outbox relay sleeps until it is woken (or its sweep comes round): the API must NOTIFY after each
// committed melding, and coalesce a burst into few notifications.

const notifications: string[] = [];
let unlisten: () => Promise<void>;
const markerSeen = new Set<string>();
let markers = 0;
const notifyOn = (payload: string) => t.db.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, ${payload})`);

const t = useTestApp();
beforeAll(async () => {
  unlisten = await t.database.client.listen(OUTBOX_CHANNEL, (payload) => {
    if (payload.startsWith('marker-')) markerSeen.add(payload);
    else notifications.push(payload);
  });
});
afterAll(async () => {
  await unlisten?.();
});

describe('waking the outbox relay', () => {
  it('notifies the outbox channel after a melding is stored', async () => {
    const before = notifications.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
    expect(res.statusCode).toBe(201);
    await waitUntil(() => notifications.length > before, { what: 'a NOTIFY on the outbox channel' });
  });

  it('sends no notification for a refused melding', async () => {
    // Settle earlier pokes first: the marker arrives after every NOTIFY committed before it.
    await marker();
    const before = notifications.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { category: 'x' } });
    expect(res.statusCode).toBe(400);
    await marker();
    expect(notifications.slice(before)).toEqual([]);
  });

  it('coalesces a burst of meldingen into a NOTIFY per interval at most', async () => {
    // An app of its own, so that closing it waits for its last scheduled NOTIFY.
    const burstApp = await buildTestApp(t.database.client);
    await marker();
    const before = notifications.length;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        burstApp.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() }),
      ),
    );
    const elapsedMs = Date.now() - started;
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    await burstApp.close();
    await marker();
    const sent = notifications.length - before;
    expect(sent).toBeGreaterThan(0);
    // One NOTIFY starts at most every 20 ms (plus the one after the last in flight): a notifier that
    // sent one per melding would send 20 here.
    expect(sent).toBeLessThanOrEqual(Math.min(19, Math.ceil(elapsedMs / 20) + 1));
  });
});

/**
 * Sends a NOTIFY of its own on the channel and waits for it; PostgreSQL delivers notifications in commit
 * order, so every NOTIFY committed before this one has then been received. Markers are not counted.
 */
async function marker(): Promise<void> {
  const token = `marker-${++markers}`;
  await notifyOn(token);
  await waitUntil(() => markerSeen.has(token), { what: `our own NOTIFY ${token}` });
}
