import { OUTBOX_CHANNEL } from '@buurtsignaal/db';
import { createTestDatabase, type TestDatabase, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, validIntake } from './helpers.ts';

// The outbox relay sleeps until it is woken (or its sweep comes round): the API must NOTIFY after each
// committed melding, and coalesce a burst into few notifications.

let database: TestDatabase;
let t: TestApp;
const notifications: string[] = [];
let unlisten: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database.client);
  unlisten = await database.client.listen(OUTBOX_CHANNEL, (payload) => notifications.push(payload));
});
afterAll(async () => {
  await unlisten?.();
  await t?.close();
  await database?.drop();
});

describe('waking the outbox relay', () => {
  it('notifies the outbox channel after a melding is stored', async () => {
    const before = notifications.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
    expect(res.statusCode).toBe(201);
    await waitUntil(() => notifications.length > before, { what: 'a NOTIFY on the outbox channel' });
  });

  it('sends no notification for a refused melding', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const before = notifications.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: { category: 'x' } });
    expect(res.statusCode).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(notifications.length).toBe(before);
  });

  it('coalesces a burst of meldingen into fewer notifications', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const before = notifications.length;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    await waitUntil(() => notifications.length > before, { what: 'notifications for the burst' });
    await new Promise((r) => setTimeout(r, 300));
    const sent = notifications.length - before;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(20);
  });
});
