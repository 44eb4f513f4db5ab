// The one writer of roster_advice_decisions: a coordinator's accept or reject of a proposal of the
// roster advice, and the patrol tasks an accepted patrol window becomes (patrol_tasks is written by
// its own repository, inside the same transaction).
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { rosterAdviceDecisions } from '../schema.ts';

export type RosterAdviceDecisionRow = typeof rosterAdviceDecisions.$inferSelect;

export interface NewDecision {
  teamId: string;
  week: string;
  proposalId: string;
  kind: 'patrol' | 'roster';
  decision: 'accepted' | 'rejected';
  proposal: Record<string, unknown>;
  reason: string | null;
  decidedBy: string;
  at: Date;
}

/**
 * Records the decision; a proposal is decided once (the unique key), so a second click or a retried
 * request gets back undefined and the first decision stands.
 */
export async function insertDecision(
  db: DbOrTx,
  d: NewDecision,
): Promise<RosterAdviceDecisionRow | undefined> {
  const [row] = await db
    .insert(rosterAdviceDecisions)
    .values({
      id: crypto.randomUUID(),
      teamId: d.teamId,
      week: d.week,
      proposalId: d.proposalId,
      kind: d.kind,
      decision: d.decision,
      proposal: d.proposal,
      reason: d.reason,
      decidedBy: d.decidedBy,
      decidedAt: d.at,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function setDecisionOverrides(db: DbOrTx, id: string, overrideIds: string[]): Promise<void> {
  await db.update(rosterAdviceDecisions).set({ overrideIds }).where(eq(rosterAdviceDecisions.id, id));
}

/** Withdraws a decision (the coordinator changes their mind before the week starts); tasks go with it. */
export async function deleteDecision(db: DbOrTx, id: string): Promise<void> {
  await db.delete(rosterAdviceDecisions).where(eq(rosterAdviceDecisions.id, id));
}

export function listDecisions(db: DbOrTx, teamId: string, weeks: readonly string[]) {
  return db
    .select()
    .from(rosterAdviceDecisions)
    .where(and(eq(rosterAdviceDecisions.teamId, teamId), inArray(rosterAdviceDecisions.week, [...weeks])));
}

/** Accepted patrol windows of weeks before `week` ('YYYY-Www' sorts as weeks do): what can be evaluated. */
export function listAcceptedPatrolsBefore(db: DbOrTx, teamId: string, week: string) {
  return db
    .select()
    .from(rosterAdviceDecisions)
    .where(
      and(
        eq(rosterAdviceDecisions.teamId, teamId),
        eq(rosterAdviceDecisions.kind, 'patrol'),
        eq(rosterAdviceDecisions.decision, 'accepted'),
        lt(rosterAdviceDecisions.week, week),
      ),
    )
    .orderBy(rosterAdviceDecisions.week);
}
