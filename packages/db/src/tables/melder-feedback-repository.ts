import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { melderFeedback } from '../schema.ts';

export async function hasMelderFeedback(db: DbOrTx, closingEventId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: melderFeedback.id })
    .from(melderFeedback)
    .where(eq(melderFeedback.statusEventId, closingEventId));
  return row !== undefined;
}

export interface NewMelderFeedback {
  id: string;
  meldingId: string;
  /** The afgehandeld event this answers. */
  closingEventId: number;
  solved: boolean;
  explanation: string | null;
  at: Date;
}

/** false when this closing was already answered (the unique index decides, also under a race). */
export async function insertMelderFeedback(tx: DbOrTx, feedback: NewMelderFeedback): Promise<boolean> {
  const inserted = await tx
    .insert(melderFeedback)
    .values({
      id: feedback.id,
      meldingId: feedback.meldingId,
      statusEventId: feedback.closingEventId,
      solved: feedback.solved,
      explanation: feedback.explanation,
      createdAt: feedback.at,
    })
    .onConflictDoNothing({ target: melderFeedback.statusEventId })
    .returning({ id: melderFeedback.id });
  return inserted.length > 0;
}
