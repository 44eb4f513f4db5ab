import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { assignments, meldingen } from '../../schema.ts';
import { answersOf, type RoutingInput } from './routing-facts.ts';

// What the console's rule list and a draft's dry run read: how many meldingen each rule routed, and the
// recent meldingen with the team they got, to show how a draft would have routed them differently.

/** Per rule id: assignments it decided since `since` (every version together). */
export async function routedPerRule(db: DbOrTx, since: Date): Promise<Record<string, number>> {
  const found = await db
    .select({ ruleId: assignments.ruleId, n: sql<number | string>`count(*)` })
    .from(assignments)
    .where(and(isNotNull(assignments.ruleId), gte(assignments.createdAt, since)))
    .groupBy(assignments.ruleId);
  return Object.fromEntries(found.flatMap((r) => (r.ruleId ? [[r.ruleId, Number(r.n)]] : [])));
}

export interface RoutedMelding extends RoutingInput {
  meldingId: string;
  reference: string;
  teamId: string;
  priority: string;
  ruleId: string | null;
  ruleVersion: number | null;
}

/** The meldingen routed since `since` with their latest assignment, newest first (at most `limit`). */
export async function recentRoutedMeldingen(db: DbOrTx, since: Date, limit = 2000): Promise<RoutedMelding[]> {
  const found = await db
    .selectDistinctOn([assignments.meldingId], {
      meldingId: meldingen.id,
      reference: meldingen.reference,
      category: meldingen.category,
      subcategory: meldingen.subcategory,
      answers: meldingen.answers,
      occurredAt: meldingen.occurredAt,
      createdAt: meldingen.createdAt,
      lat: meldingen.lat,
      lng: meldingen.lng,
      teamId: assignments.teamId,
      priority: assignments.priority,
      ruleId: assignments.ruleId,
      ruleVersion: assignments.ruleVersion,
    })
    .from(assignments)
    .innerJoin(meldingen, eq(meldingen.id, assignments.meldingId))
    .where(gte(meldingen.createdAt, since))
    .orderBy(assignments.meldingId, desc(assignments.createdAt))
    .limit(limit);
  return found
    .map((r) => ({
      meldingId: r.meldingId,
      reference: r.reference,
      teamId: r.teamId,
      priority: r.priority,
      ruleId: r.ruleId,
      ruleVersion: r.ruleVersion,
      lat: r.lat,
      lng: r.lng,
      facts: {
        category: r.category,
        subcategory: r.subcategory,
        answers: answersOf(r.answers),
        happenedAt: r.occurredAt,
        reportedAt: r.createdAt,
      },
    }))
    .sort((a, b) => b.facts.reportedAt.getTime() - a.facts.reportedAt.getTime());
}
