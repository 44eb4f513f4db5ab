import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows } from '../../sql-rows.ts';

// Who handled a reopened melding: for an assignment that answers a `heropend` status event (routing key
// `event-<id>`), the officer of the newest closing (afgehandeld) before that event — or, without one, of
// the newest claim. Undefined for any other assignment.

export async function findReopenedHandler(db: DbOrTx, assignmentId: string): Promise<string | undefined> {
  const found = await rows<{ actor: string }>(
    db,
    sql`
      SELECT prev.actor
      FROM assignments a
      JOIN status_events r ON 'event-' || r.id = a.routing_key AND r.to_status = 'heropend'
      JOIN LATERAL (
        SELECT e.actor FROM status_events e
        WHERE e.melding_id = a.melding_id AND e.id < r.id AND e.actor LIKE 'staff:%'
          AND e.to_status IN ('afgehandeld', 'in_behandeling')
        ORDER BY (e.to_status = 'afgehandeld') DESC, e.id DESC
        LIMIT 1
      ) prev ON true
      WHERE a.id = ${assignmentId}::uuid`,
  );
  const actor = found[0]?.actor;
  return actor?.startsWith('staff:') ? actor.slice('staff:'.length) : undefined;
}
