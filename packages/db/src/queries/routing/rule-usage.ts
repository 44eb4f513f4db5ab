import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { assignments, meldingen } from '../../schema.ts';
import { type RoutingRow, routingInputColumns } from './routing-facts.ts';

// What the routing-rule console reads besides the rules: how much each rule decided, the meldingen a
// draft is tried on, and the names of who is on duty.

/** Rule id → assignments it (any version) made since `since`. Rules that made none are absent. */
export async function countAssignmentsPerRule(db: DbOrTx, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .select({ ruleId: assignments.ruleId, n: sql<number>`count(distinct ${assignments.meldingId})::int` })
    .from(assignments)
    .where(and(isNotNull(assignments.ruleId), gte(assignments.createdAt, since)))
    .groupBy(assignments.ruleId);
  return new Map(rows.flatMap((r) => (r.ruleId === null ? [] : [[r.ruleId, Number(r.n)]])));
}

/** A melding as routing reads it (the facts decideRoute takes, and its place). */
export interface RoutableMelding extends RoutingRow {
  id: string;
  reference: string;
}

const routableColumns = { id: meldingen.id, reference: meldingen.reference, ...routingInputColumns };

/** Meldingen reported since `since`, newest first (at most `limit`). */
export async function listRoutableMeldingenSince(
  db: DbOrTx,
  since: Date,
  limit: number,
): Promise<RoutableMelding[]> {
  return db
    .select(routableColumns)
    .from(meldingen)
    .where(gte(meldingen.createdAt, since))
    .orderBy(desc(meldingen.createdAt), desc(meldingen.id))
    .limit(limit);
}

export async function findRoutableMelding(db: DbOrTx, id: string): Promise<RoutableMelding | undefined> {
  const [row] = await db.select(routableColumns).from(meldingen).where(eq(meldingen.id, id));
  return row;
}
