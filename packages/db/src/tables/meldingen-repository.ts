import { outboxTopics } from '@buurtsignaal/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { internalNotes, meldingen, outbox, statusEvents } from '../schema.ts';

export interface LockedMelding {
  id: string;
  status: string;
  teamId: string | null;
  assignedUserId: string | null;
}

/** Reads the melding and locks it until the transaction ends (SELECT … FOR UPDATE). */
export async function lockMeldingForHandling(
  tx: DbOrTx,
  meldingId: string,
): Promise<LockedMelding | undefined> {
  const [row] = await tx
    .select({
      id: meldingen.id,
      status: meldingen.status,
      teamId: meldingen.teamId,
      assignedUserId: meldingen.assignedUserId,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId))
    .for('update');
  return row;
}

/**
 * Claims the melding for `userId` only while its status is one of `claimable`: a conditional UPDATE, so
 * of two claims at once exactly one changes the row. False when it was not claimable (any more).
 */
export async function claimMeldingRow(
  tx: DbOrTx,
  claim: { meldingId: string; userId: string; at: Date; claimable: readonly string[] },
): Promise<boolean> {
  const updated = await tx
    .update(meldingen)
    .set({ status: 'in_behandeling', assignedUserId: claim.userId, claimedAt: claim.at, updatedAt: claim.at })
    .where(and(eq(meldingen.id, claim.meldingId), inArray(meldingen.status, [...claim.claimable])))
    .returning({ id: meldingen.id });
  return updated.length > 0;
}

export interface StatusChange {
  meldingId: string;
  fromStatus: string;
  toStatus: string;
  /** 'staff:<id>', 'melder' or 'systeem'. */
  actor: string;
  publicMessage?: string | null | undefined;
  internalNote?: string | null | undefined;
  forwardedTo?: string | null | undefined;
  reason?: string | null | undefined;
  at: Date;
  /** Set the claimant (a user id), clear it (null), or leave it (undefined). */
  assignTo?: string | null | undefined;
  /** Set when cancelled as a duplicate. */
  duplicateOf?: string | undefined;
}

type StatusEventInput = Omit<StatusChange, 'assignTo' | 'duplicateOf'>;

/** Appends one status event (history is append-only); resolves to its id. */
export async function appendStatusEvent(tx: DbOrTx, event: StatusEventInput): Promise<number> {
  const [row] = await tx
    .insert(statusEvents)
    .values({
      meldingId: event.meldingId,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: event.actor,
      publicMessage: event.publicMessage ?? null,
      internalNote: event.internalNote ?? null,
      forwardedTo: event.forwardedTo ?? null,
      reason: event.reason ?? null,
      createdAt: event.at,
    })
    .returning({ id: statusEvents.id });
  if (!row) throw new Error('status event not inserted');
  return Number(row.id);
}

/**
 * Appends the status event, moves the melding and writes the outbox row `melding.status_changed`.
 * Call it inside the transaction that holds the melding's lock; resolves to the status event id.
 */
export async function recordStatusChange(tx: DbOrTx, change: StatusChange): Promise<number> {
  const { assignTo, duplicateOf, ...event } = change;
  const statusEventId = await appendStatusEvent(tx, event);
  await tx
    .update(meldingen)
    .set({
      status: change.toStatus,
      updatedAt: change.at,
      ...(assignTo === undefined
        ? {}
        : { assignedUserId: assignTo, claimedAt: assignTo === null ? null : change.at }),
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
    })
    .where(eq(meldingen.id, change.meldingId));
  await insertStatusChangedOutbox(tx, change.meldingId, statusEventId);
  return statusEventId;
}

/** Only ids in the payload: the worker reads the rest (see OutboxPayloads in @buurtsignaal/core). */
export async function insertStatusChangedOutbox(
  tx: DbOrTx,
  meldingId: string,
  statusEventId: number,
): Promise<void> {
  await tx.insert(outbox).values({
    topic: outboxTopics.statusChanged,
    aggregateId: meldingId,
    payload: { meldingId, statusEventId },
  });
}

export async function findMeldingIdByReference(db: DbOrTx, reference: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: meldingen.id })
    .from(meldingen)
    .where(eq(meldingen.reference, reference.trim().toUpperCase()));
  return row?.id;
}

export async function insertInternalNote(
  db: DbOrTx,
  note: { id: string; meldingId: string; authorUserId: string; body: string; at: Date },
): Promise<void> {
  await db.insert(internalNotes).values({
    id: note.id,
    meldingId: note.meldingId,
    authorUserId: note.authorUserId,
    body: note.body,
    createdAt: note.at,
  });
}
