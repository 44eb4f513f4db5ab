import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { assignments, meldingen } from '../../schema.ts';

// The coordinator's list of meldingen that nobody claimed after every escalation step ("onbeantwoord").

export interface UnansweredMelding {
  meldingId: string;
  reference: string;
  category: string;
  priority: string;
  teamId: string;
  status: string;
  unansweredAt: Date;
}

/** Still waiting (ingedeeld) and its assignment ran out of escalation steps; newest first. */
export async function listUnansweredMeldingen(db: DbOrTx, limit = 200): Promise<UnansweredMelding[]> {
  const rows = await db
    .select({
      meldingId: meldingen.id,
      reference: meldingen.reference,
      category: meldingen.category,
      priority: assignments.priority,
      teamId: assignments.teamId,
      status: meldingen.status,
      unansweredAt: assignments.unansweredAt,
    })
    .from(assignments)
    .innerJoin(meldingen, eq(meldingen.id, assignments.meldingId))
    .where(and(isNotNull(assignments.unansweredAt), eq(meldingen.status, 'ingedeeld')))
    .orderBy(desc(assignments.unansweredAt))
    .limit(limit);
  return rows.flatMap((r) => (r.unansweredAt ? [{ ...r, unansweredAt: r.unansweredAt }] : []));
}
