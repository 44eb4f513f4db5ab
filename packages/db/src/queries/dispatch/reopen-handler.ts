import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows } from '../../sql-rows.ts';

// Who handled a reopened melding: for an assignment that answers a `heropend` status event (routing key
// `event-<id>`), the officer of the newest closing (afgehandeld) before that event — or, without one, of
// the newest claim. Undefined for any other assignment.

/** The handler's staff id as a scalar subquery over the assignment row `a` (NULL: none). */
export const reopenedHandlerSql = (a: SQL): SQL => sql`(
  SELECT substr(prev.actor, length('staff:') + 1)
  FROM status_events r
  JOIN LATERAL (
    SELECT e.actor FROM status_events e
    WHERE e.melding_id = ${a}.melding_id AND e.id < r.id AND e.actor LIKE 'staff:%'
      AND e.to_status IN ('afgehandeld', 'in_behandeling')
    ORDER BY (e.to_status = 'afgehandeld') DESC, e.id DESC
    LIMIT 1
  ) prev ON true
  WHERE 'event-' || r.id = ${a}.routing_key AND r.to_status = 'heropend'
  LIMIT 1)`;

export async function findReopenedHandler(db: DbOrTx, assignmentId: string): Promise<string | undefined> {
  const found = await rows<{ handler: string | null }>(
    db,
    sql`SELECT ${reopenedHandlerSql(sql.raw('a'))} AS handler FROM assignments a WHERE a.id = ${assignmentId}::uuid`,
  );
  return found[0]?.handler ?? undefined;
}
