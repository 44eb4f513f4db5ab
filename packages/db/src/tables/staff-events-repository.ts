import { and, asc, gt, lte, max, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { meldingen, staffEvents } from '../schema.ts';
import { rows, ts } from '../sql-rows.ts';

// The only writer of staff_events, the live console's event log (no personal data: ids, reference,
// priority and status). Readers: the API's SSE hub.

/** The channel the API instances LISTEN on; a NOTIFY on it says "new staff events, read the table". */
export const STAFF_EVENTS_CHANNEL = 'buurtsignaal_staff_events';

// Any value unique to this app: held from an event's insert until its transaction ends, so that event
// ids become visible in the order they were given out (a reader that saw id n has seen every id < n).
const STAFF_EVENTS_LOCK_ID = 4_242_011;

export interface NewStaffEvent {
  /** core StaffEventKind */
  kind: string;
  meldingId: string;
  /** One event per key: a writer that runs again (a retried job) adds nothing. */
  dedupeKey: string;
  at: Date;
  /**
   * Teams to tell besides the melding's own (read from the melding): those of officers told in an
   * escalation, the team a reroute took it from.
   */
  alsoTeamIds?: readonly string[] | undefined;
}

export interface StaffEventRow {
  id: number;
  kind: string;
  teamIds: string[];
  meldingId: string;
  reference: string;
  priority: string | null;
  status: string | null;
  createdAt: Date;
}

const columns = {
  id: staffEvents.id,
  kind: staffEvents.kind,
  teamIds: staffEvents.teamIds,
  meldingId: staffEvents.meldingId,
  reference: staffEvents.reference,
  priority: staffEvents.priority,
  status: staffEvents.status,
  createdAt: staffEvents.createdAt,
};

function alsoTeamsArray(also: readonly string[]): SQL {
  return also.length === 0
    ? sql`ARRAY[]::text[]`
    : sql`ARRAY[${sql.join(
        also.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`;
}

// The lock as a CTE that the INSERT's SELECT joins: it is taken before the INSERT gets a row and with
// it draws its id, and held until the transaction ends (for a statement on its own: right after it),
// so ids become visible in the order they were given out.
const lockCte = sql`l AS (SELECT pg_advisory_xact_lock(${STAFF_EVENTS_LOCK_ID}))`;

function insertAfterLock(event: NewStaffEvent): SQL {
  return sql`INSERT INTO ${staffEvents} (kind, team_ids, melding_id, reference, priority, status, dedupe_key, created_at)
    SELECT ${event.kind}, array_remove(ARRAY[m.team_id] || ${alsoTeamsArray(event.alsoTeamIds ?? [])}, NULL),
      m.id, m.reference, m.priority, m.status, ${event.dedupeKey}, ${ts(event.at)}
    FROM ${meldingen} m, l WHERE m.id = ${event.meldingId}
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
}

/**
 * Adds the event unless its dedupe key is there already; returns whether it is new. One statement.
 * Its reference, team, priority and status are the melding's as this statement sees them (its
 * snapshot is taken before the lock is granted). Call it as the last write of its transaction: it
 * takes a lock that every other event writer waits for until this transaction ends. After the commit,
 * wake the API instances (notifyStaffEvents or a notifier); outside a transaction,
 * recordStaffEventAndNotify does both at once.
 */
export async function recordStaffEvent(db: DbOrTx, event: NewStaffEvent): Promise<boolean> {
  const inserted = await rows<{ id: unknown }>(db, sql`WITH ${lockCte} ${insertAfterLock(event)}`);
  return inserted.length > 0;
}

/**
 * recordStaffEvent and, when the event is new, the NOTIFY that wakes the hubs: one statement, one
 * round trip. For a caller outside a transaction: the statement commits on its own and PostgreSQL
 * delivers the NOTIFY at that commit, so a hub that wakes reads the row, and there is no moment
 * between commit and NOTIFY for a crash to fall in (a retry that finds the row need not notify).
 * Writers inside a transaction use recordStaffEvent and wake the hubs after their commit.
 */
export async function recordStaffEventAndNotify(db: Db, event: NewStaffEvent): Promise<boolean> {
  const inserted = await rows<{ id: unknown }>(
    db,
    sql`WITH ${lockCte}, ins AS (${insertAfterLock(event)})
      SELECT ins.id, pg_notify(${STAFF_EVENTS_CHANNEL}, '') FROM ins`,
  );
  return inserted.length > 0;
}

/** Wakes the SSE hubs of every API instance. Call it after the event's transaction has committed. */
export async function notifyStaffEvents(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${STAFF_EVENTS_CHANNEL}, '')`);
}

/** The newest event id (0 when there is none): where a hub starts. */
export async function latestStaffEventId(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ id: max(staffEvents.id) }).from(staffEvents);
  return Number(row?.id ?? 0);
}

/** Events with `after < id ≤ upTo` (upTo: no bound), oldest first, at most `limit`. */
export async function listStaffEventsAfter(
  db: DbOrTx,
  q: { after: number; upTo?: number | undefined; limit: number },
): Promise<StaffEventRow[]> {
  const rows = await db
    .select(columns)
    .from(staffEvents)
    .where(and(gt(staffEvents.id, q.after), q.upTo === undefined ? undefined : lte(staffEvents.id, q.upTo)))
    .orderBy(asc(staffEvents.id))
    .limit(q.limit);
  // node-postgres gives int8 as a string, PGlite as a number.
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Deletes the events created before `before`, at most `batchSize` per statement (short statements,
 * short locks, however far behind the prune is); returns how many went. A console that comes back
 * with a Last-Event-ID older than what is kept is replayed from the oldest event left (the hub cannot
 * tell a pruned id from one never used): it rereads its queue on every reconnect.
 */
export async function pruneStaffEventsBefore(
  db: DbOrTx,
  q: { before: Date; batchSize: number },
): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await rows<{ n: unknown }>(
      db,
      sql`WITH gone AS (
          DELETE FROM ${staffEvents} WHERE id IN (
            SELECT id FROM ${staffEvents} WHERE created_at < ${ts(q.before)} ORDER BY id LIMIT ${q.batchSize}
          ) RETURNING 1
        )
        SELECT count(*)::int AS n FROM gone`,
    );
    const n = Number(row?.n ?? 0);
    total += n;
    if (n < q.batchSize) return total;
  }
}
