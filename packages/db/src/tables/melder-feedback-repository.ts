import type { outboxTopics } from '@buurtsignaal/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { melderFeedback, meldingen, outbox, statusEvents } from '../schema.ts';

/** What the melder's answer and feedback decide on; nothing personal. */
export interface MelderMeldingState {
  id: string;
  status: string;
  reopenCount: number;
}

/**
 * The melding behind a status token, locked until the transaction ends: two answers sent at once (a
 * double tap, two tabs) are decided one after the other, so the second sees what the first did.
 */
export async function lockMeldingByStatusToken(
  tx: DbOrTx,
  statusTokenHash: string,
): Promise<MelderMeldingState | undefined> {
  const [row] = await tx
    .select({ id: meldingen.id, status: meldingen.status, reopenCount: meldingen.reopenCount })
    .from(meldingen)
    .where(eq(meldingen.statusTokenHash, statusTokenHash))
    .for('update');
  return row;
}

/** A status event as the melder's side needs it: which one, its public text, when. */
export interface MelderPromptEvent {
  id: number;
  publicMessage: string | null;
  createdAt: Date;
}

/** The newest status event of the melding that moved it to `toStatus` (the question, the closing). */
export async function findLastStatusEventTo(
  db: DbOrTx,
  meldingId: string,
  toStatus: string,
): Promise<MelderPromptEvent | undefined> {
  const [row] = await db
    .select({
      id: statusEvents.id,
      publicMessage: statusEvents.publicMessage,
      createdAt: statusEvents.createdAt,
    })
    .from(statusEvents)
    .where(and(eq(statusEvents.meldingId, meldingId), eq(statusEvents.toStatus, toStatus)))
    .orderBy(desc(statusEvents.id))
    .limit(1);
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export async function hasMelderFeedback(db: DbOrTx, closingEventId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: melderFeedback.id })
    .from(melderFeedback)
    .where(eq(melderFeedback.statusEventId, closingEventId));
  return row !== undefined;
}

/** The outbox topics a melder's own status change announces (see core's outboxTopics). */
export type MelderChangeTopic = typeof outboxTopics.statusChanged | typeof outboxTopics.heropend;

export interface MelderStatusChange {
  meldingId: string;
  fromStatus: string;
  toStatus: string;
  /** The melder's own words (answer or explanation); shown in the timeline. */
  publicMessage: string;
  topic: MelderChangeTopic;
  /** heropend: count the reopen and take the melding off the officer who had it (back to the team). */
  reopen?: boolean;
  at: Date;
}

/**
 * Appends the melder's status event, moves the melding to its new status and writes the outbox row,
 * all within the caller's transaction (which holds the melding's lock). Returns the event id.
 */
export async function appendMelderStatusChange(tx: DbOrTx, change: MelderStatusChange): Promise<number> {
  const [event] = await tx
    .insert(statusEvents)
    .values({
      meldingId: change.meldingId,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      actor: 'melder',
      publicMessage: change.publicMessage,
      createdAt: change.at,
    })
    .returning({ id: statusEvents.id });
  if (!event) throw new Error('appendMelderStatusChange: no status event returned');
  const statusEventId = Number(event.id);
  await tx
    .update(meldingen)
    .set({
      status: change.toStatus,
      updatedAt: change.at,
      ...(change.reopen
        ? { reopenCount: sql`${meldingen.reopenCount} + 1`, assignedUserId: null, claimedAt: null }
        : {}),
    })
    .where(eq(meldingen.id, change.meldingId));
  await tx.insert(outbox).values({
    topic: change.topic,
    aggregateId: change.meldingId,
    payload: { meldingId: change.meldingId, statusEventId },
  });
  return statusEventId;
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

/** "Not solved" after the one reopen: the coordinator decides. Keeps the first moment it was asked. */
export async function markCoordinatorAttention(tx: DbOrTx, meldingId: string, at: Date): Promise<void> {
  await tx
    .update(meldingen)
    .set({
      coordinatorAttentionAt: sql`coalesce(${meldingen.coordinatorAttentionAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(meldingen.id, meldingId));
}
