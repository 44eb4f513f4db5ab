import type { DatabaseClient } from '@buurtsignaal/db';
import { createTestPglite } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import { openSse } from '../support/sse-client.ts';
import { as, createUser, login } from '../support/staff-helpers.ts';

// The embedded default: one process on PGlite, whose LISTEN/NOTIFY works inside the instance.

describe('GET /api/v1/staff/events on the embedded PGlite', () => {
  let database: DatabaseClient;
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    database = await createTestPglite();
    t = await buildTestApp(database, { staffEvents: { pollMs: 60_000 } });
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  it('a claim reaches the open console live, and a reconnect replays what it missed', async () => {
    const boa = await createUser(database.db, 'boa@soest.test', 'boa', ['boa-team']);
    const session = await login(t.app, boa.email);
    const claim = async () => {
      const m = await createMelding(t.app, database.db, { teamId: 'boa-team' });
      const res = await as(t.app, session)('POST', `/api/v1/staff/meldingen/${m.id}/claim`);
      expect(res.statusCode, res.body).toBe(200);
      return m.id;
    };
    const first = await openSse(baseUrl, { cookie: session.cookie });
    const live = await claim();
    const [seen] = await first.waitFor(1);
    expect(JSON.parse(seen?.data ?? '')).toMatchObject({ kind: 'melding.status', meldingId: live });
    first.close();
    const missed = [await claim(), await claim()];
    const again = await openSse(baseUrl, { cookie: session.cookie, lastEventId: Number(seen?.id) });
    const replayed = await again.waitFor(2);
    expect(replayed.map((m) => JSON.parse(m.data).meldingId)).toEqual(missed);
    again.close();
  });
});
