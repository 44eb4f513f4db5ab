import { createDatabase, type DatabaseClient } from '@buurtsignaal/db';
import { lockMeldingForHandling } from '@buurtsignaal/db/tables/meldingen-repository';
import { recordStaffEvent, recordStaffEventAndNotify } from '@buurtsignaal/db/tables/staff-events-repository';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRoutingMelding } from '../support/routing-fixtures.ts';

// A claim (or any handling) holds its melding's row and then writes a staff event, which waits for the
// staff events' lock; a dispatch event of the same melding holds that lock and checks its foreign key
// against the melding's row. With FOR UPDATE on the melding that was a deadlock (seen in
// incident-group.test.ts: a dispatch job aborted and retried); the melding locks are FOR NO KEY UPDATE.

const AT = new Date('2026-06-02T18:00:00Z');

describe('staff events and the melding locks', () => {
  let testDb: TestDatabase;
  let a: DatabaseClient;
  let b: DatabaseClient;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    a = await createDatabase({ databaseUrl: testDb.url, poolMax: 2 });
    b = await createDatabase({ databaseUrl: testDb.url, poolMax: 2 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await testDb?.drop();
  });

  it('a dispatch event of a melding someone is handling goes through, and so does the handler', async () => {
    const { meldingId } = await insertRoutingMelding(a.db, { category: 'jeugdoverlast', reportedAt: AT });
    let dispatched: Promise<boolean> | undefined;
    await a.db.transaction(async (tx) => {
      expect(await lockMeldingForHandling(tx, meldingId)).toBeDefined();
      // The dispatcher's statement: takes the events' lock, then checks its key against the melding.
      dispatched = recordStaffEventAndNotify(b.db, {
        kind: 'melding.dispatched',
        meldingId,
        dedupeKey: `dispatch-test-${meldingId}`,
        at: AT,
      });
      // Long enough for it to hold the events' lock (and, with FOR UPDATE, to wait for this row).
      await new Promise((r) => setTimeout(r, 300));
      await recordStaffEvent(tx, {
        kind: 'melding.status',
        meldingId,
        dedupeKey: `status-test-${meldingId}`,
        at: AT,
      });
    });
    expect(await dispatched).toBe(true);
  });
});
