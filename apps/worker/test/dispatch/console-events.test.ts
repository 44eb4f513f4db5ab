import { type Db, schema } from '@buurtsignaal/db';
import {
  listStaffEventsAfter,
  recordStaffEvent,
  recordStaffEventAndNotify,
  STAFF_EVENTS_CHANNEL,
} from '@buurtsignaal/db/tables/staff-events-repository';
import { createTestDatabase, createTestPglite, type TestDatabase, waitUntil } from '@buurtsignaal/testkit';
import { inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceDispatch, recordAssignedEvent, wakeConsoles } from '../../src/dispatch/console-events.ts';
import { silentLogger } from '../support/helpers.ts';
import { insertRoutingMelding } from '../support/routing-fixtures.ts';

// The live console's event writes: how many round trips each takes, that the dispatch event wakes a
// LISTENer that then reads it, and that concurrent writers still make ids visible in order.

const AT = new Date('2026-06-02T18:00:00Z');

/** A drizzle handle whose every statement sent to the server is recorded (BEGIN and COMMIT too). */
function countingDb(url: string): { db: Db; statements: string[]; close(): Promise<void> } {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // The test database is dropped with its connections: a pool client ended that way is no error here.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this only records its text.
    (client as any).query = (...args: unknown[]) => {
      const q = args[0] as string | { text: string };
      statements.push(typeof q === 'string' ? q : q.text);
      return query(...args);
    };
  });
  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    statements,
    close: () => pool.end(),
  };
}

/** The events with these dedupe keys, in the keys' order (undefined: not there, or not visible yet). */
const byKey = async (db: Db, keys: string[]) => {
  const rows = await db
    .select({
      id: schema.staffEvents.id,
      key: schema.staffEvents.dedupeKey,
      teamIds: schema.staffEvents.teamIds,
    })
    .from(schema.staffEvents)
    .where(inArray(schema.staffEvents.dedupeKey, keys));
  return keys.map((k) => {
    const row = rows.find((r) => r.key === k);
    return row && { ...row, id: Number(row.id) };
  });
};

describe('staff events on PostgreSQL', () => {
  let data: TestDatabase;
  let counted: ReturnType<typeof countingDb>;
  let meldingId: string;
  beforeAll(async () => {
    data = await createTestDatabase();
    counted = countingDb(data.url);
    ({ meldingId } = await insertRoutingMelding(data.client.db, {
      category: 'jeugdoverlast',
      reportedAt: AT,
    }));
  });
  afterAll(async () => {
    await counted?.close();
    await data?.drop();
  });

  it('the dispatch event is one round trip: the insert and the NOTIFY in one statement', async () => {
    counted.statements.length = 0;
    const recipients = [{ teamId: 'boa-team' }, { teamId: 'politie-basisteam' }, { teamId: null }];
    await announceDispatch(
      { db: counted.db, logger: silentLogger },
      { meldingId, assignmentId: 'a-1', step: 0, at: AT, recipients },
    );
    expect(counted.statements).toHaveLength(1);
    expect(counted.statements[0]).toMatch(/pg_advisory_xact_lock[\s\S]*INSERT INTO[\s\S]*pg_notify/);
    const [row] = await byKey(data.client.db, ['dispatch-a-1-0']);
    expect(row?.teamIds).toEqual(['boa-team', 'politie-basisteam']);
    // A retried job: nothing new, still one statement.
    counted.statements.length = 0;
    await announceDispatch(
      { db: counted.db, logger: silentLogger },
      { meldingId, assignmentId: 'a-1', step: 0, at: AT, recipients },
    );
    expect(counted.statements).toHaveLength(1);
    expect(await listStaffEventsAfter(data.client.db, { after: 0, limit: 100 })).toHaveLength(1);
  });

  it("the routing event is one statement in routing's transaction, and one NOTIFY after its commit", async () => {
    counted.statements.length = 0;
    await counted.db.transaction(async (tx) => {
      await recordAssignedEvent(tx, {
        meldingId,
        assignmentId: 'a-2',
        at: AT,
        previousTeamId: 'politie-basisteam',
      });
    });
    await wakeConsoles(counted.db, silentLogger);
    expect(counted.statements.map((s) => s.trim().split(/\s+/)[0]?.toLowerCase())).toEqual([
      'begin',
      'with',
      'commit',
      'select',
    ]);
    expect(counted.statements[3]).toMatch(/pg_notify/);
    const [row] = await byKey(data.client.db, ['assignment-a-2']);
    // The melding has no team yet: only the one it came from.
    expect(row?.teamIds).toEqual(['politie-basisteam']);
  });

  it('a dispatch event wakes a LISTENer, and what it reads then holds the event', async () => {
    const seen: (string | undefined)[] = [];
    const unlisten = await data.client.listen(STAFF_EVENTS_CHANNEL, () => {
      // What a hub does when woken: read the table. Without a commit before the NOTIFY this finds nothing.
      void listStaffEventsAfter(data.client.db, { after: 0, limit: 100 }).then((rows) => {
        seen.push(rows.find((r) => r.kind === 'melding.dispatched' && r.teamIds.includes('wake-team'))?.kind);
      });
    });
    try {
      await announceDispatch(
        { db: data.client.db, logger: silentLogger },
        { meldingId, assignmentId: 'a-3', step: 1, at: AT, recipients: [{ teamId: 'wake-team' }] },
      );
      await waitUntil(() => seen.length > 0, { timeoutMs: 5_000 });
      expect(seen[0]).toBe('melding.dispatched');
    } finally {
      await unlisten();
    }
  });

  it('an event writer waits for the transaction of the one before it: its id is never visible first', async () => {
    let commitFirst: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    let firstWritten: () => void = () => {};
    const written = new Promise<void>((resolve) => {
      firstWritten = resolve;
    });
    const first = data.client.db.transaction(async (tx) => {
      await recordStaffEvent(tx, { kind: 'melding.assigned', meldingId, dedupeKey: 'order-1', at: AT });
      firstWritten();
      await held;
    });
    await written;
    let secondDone = false;
    const second = recordStaffEventAndNotify(counted.db, {
      kind: 'melding.dispatched',
      meldingId,
      dedupeKey: 'order-2',
      at: AT,
    }).then(() => {
      secondDone = true;
    });
    // The second statement waits on the advisory lock, before it has drawn an id.
    await waitUntil(
      async () => {
        const waiting = sql`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
        const r = (await data.client.db.execute(waiting)) as unknown as { rows: unknown[] };
        return r.rows.length > 0;
      },
      { timeoutMs: 5_000 },
    );
    expect(secondDone).toBe(false);
    const nothingYet = await byKey(data.client.db, ['order-1', 'order-2']);
    expect(nothingYet).toEqual([undefined, undefined]);
    commitFirst();
    await first;
    await second;
    const [a, b] = await byKey(data.client.db, ['order-1', 'order-2']);
    expect(Number(b?.id)).toBeGreaterThan(Number(a?.id));
  });

  it('many concurrent writers: a reader of "id > last seen" misses none of their events', async () => {
    const reader = data.client.db;
    let lastSeen = (await listStaffEventsAfter(reader, { after: 0, limit: 10_000 })).at(-1)?.id ?? 0;
    const readNew = async () => {
      const rows = await listStaffEventsAfter(reader, { after: lastSeen, limit: 1_000 });
      lastSeen = rows.at(-1)?.id ?? lastSeen;
      return rows;
    };
    const seenIds = new Set<number>();
    let writing = true;
    const reading = (async () => {
      while (writing) for (const r of await readNew()) seenIds.add(r.id);
    })();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      const event = { kind: 'melding.status', meldingId, dedupeKey: `many-${i}`, at: AT };
      writes.push(
        i % 2 === 0
          ? recordStaffEventAndNotify(counted.db, event)
          : counted.db.transaction(async (tx) => {
              await recordStaffEvent(tx, event);
              // Work after the event in its transaction: no later id may show before this commits.
              await tx.execute(sql`SELECT pg_sleep(0.005)`);
            }),
      );
    }
    await Promise.all(writes);
    writing = false;
    await reading;
    for (const r of await readNew()) seenIds.add(r.id);
    const written = await byKey(
      reader,
      Array.from({ length: 60 }, (_, i) => `many-${i}`),
    );
    // An id that became visible after the reader had passed it would be missing here for good.
    expect(written.filter((r) => r === undefined || !seenIds.has(r.id))).toEqual([]);
  });
});

describe('staff events on the embedded PGlite', () => {
  it('a dispatch event wakes the LISTENer and is read, in one statement', async () => {
    const database = await createTestPglite();
    try {
      const { meldingId } = await insertRoutingMelding(database.db, {
        category: 'jeugdoverlast',
        reportedAt: AT,
      });
      const found: number[] = [];
      const unlisten = await database.listen(STAFF_EVENTS_CHANNEL, () => {
        void listStaffEventsAfter(database.db, { after: 0, limit: 10 }).then((rows) => {
          found.push(rows.length);
        });
      });
      await announceDispatch(
        { db: database.db, logger: silentLogger },
        { meldingId, assignmentId: 'p-1', step: 0, at: AT, recipients: [{ teamId: 'boa-team' }] },
      );
      await waitUntil(() => found.length > 0, { timeoutMs: 5_000 });
      expect(found[0]).toBe(1);
      await database.db.transaction(async (tx) => {
        await recordAssignedEvent(tx, { meldingId, assignmentId: 'p-2', at: AT, previousTeamId: null });
      });
      const rows = await listStaffEventsAfter(database.db, { after: 0, limit: 10 });
      expect(rows.map((r) => r.kind)).toEqual(['melding.dispatched', 'melding.assigned']);
      await unlisten();
    } finally {
      await database.close();
    }
  });
});
