import type { outboxTopics } from '@buurtsignaal/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingen } from '../schema.ts';
import { insertOutboxRow, insertStatusChangedOutbox } from './outbox-repository.ts';
import { appendStatusEvent, type NewStatusEvent } from './status-events-repository.ts';

// The only writer of meldingen after intake (meldingen-intake.ts stores a new one): the locks the
// handling, the melder's answers and routing take, and every change of a melding's row.
//
// The locks are FOR NO KEY UPDATE: they exclude each other as FOR UPDATE would, but not the foreign key
// checks of rows that point at the melding (a staff event, a notice, a status event written by another
// transaction). With FOR UPDATE, a claim holding the melding and waiting for the staff events' lock, and
// a dispatch event holding that lock and checking its key against the melding, deadlocked.

export interface LockedMelding {
  id: string;
  status: string;
  teamId: string | null;
  assignedUserId: string | null;
  deadlineAt: Date | null;
}

/** Reads the melding and locks it until the transaction ends (SELECT … FOR NO KEY UPDATE). */
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
      deadlineAt: meldingen.deadlineAt,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId))
    .for('no key update');
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

export interface StatusChange extends NewStatusEvent {
  /** Set the claimant (a user id), clear it (null), or leave it (undefined). */
  assignTo?: string | null | undefined;
  /** Set when cancelled as a duplicate. */
  duplicateOf?: string | undefined;
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

export async function findMeldingIdByReference(db: DbOrTx, reference: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: meldingen.id })
    .from(meldingen)
    .where(eq(meldingen.reference, reference.trim().toUpperCase()));
  return row?.id;
}

export interface MeldingForRouting {
  id: string;
  category: string;
  subcategory: string | null;
  status: string;
  wijkCode: string | null;
  createdAt: Date;
  /** The team it is on now (null before its first routing). */
  teamId: string | null;
  /** What routing decides on besides (routing-facts.ts), read under the same lock. */
  reference: string;
  answers: Record<string, unknown>;
  occurredAt: Date | null;
  lat: number;
  lng: number;
  /** The assignment with the routing key asked for, when one is stored already (a job that ran before). */
  existing: { id: string; teamId: string; priority: string } | null;
}

/**
 * Reads the melding and locks it until the transaction ends, so that two routing runs for the same
 * melding (a retried job, or a second worker taking over a stalled one) never decide at the same time.
 * With `routingKey`, also the assignment stored under it (in the same round trip).
 */
export async function lockMeldingForRouting(
  tx: DbOrTx,
  meldingId: string,
  routingKey?: string,
): Promise<MeldingForRouting | undefined> {
  const [row] = await tx
    .select({
      id: meldingen.id,
      category: meldingen.category,
      subcategory: meldingen.subcategory,
      status: meldingen.status,
      wijkCode: meldingen.wijkCode,
      createdAt: meldingen.createdAt,
      teamId: meldingen.teamId,
      reference: meldingen.reference,
      answers: meldingen.answers,
      occurredAt: meldingen.occurredAt,
      lat: meldingen.lat,
      lng: meldingen.lng,
      existing:
        routingKey === undefined
          ? sql<null>`NULL`
          : sql<MeldingForRouting['existing']>`(SELECT json_build_object('id', a.id, 'teamId', a.team_id,
              'priority', a.priority) FROM assignments a WHERE a.routing_key = ${routingKey})`,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId))
    .for('no key update');
  return row;
}

/** Routing's decision on the melding: its team, priority and deadline, status `ingedeeld`. */
export async function assignMeldingToTeam(
  tx: DbOrTx,
  a: { meldingId: string; teamId: string; priority: string; deadlineAt: Date | null; at: Date },
): Promise<void> {
  await tx
    .update(meldingen)
    .set({
      teamId: a.teamId,
      priority: a.priority,
      status: 'ingedeeld',
      deadlineAt: a.deadlineAt,
      updatedAt: a.at,
    })
    .where(eq(meldingen.id, a.meldingId));
}

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
    .for('no key update');
  return row;
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
  const statusEventId = await appendStatusEvent(tx, {
    meldingId: change.meldingId,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    actor: 'melder',
    publicMessage: change.publicMessage,
    at: change.at,
  });
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
  await insertOutboxRow(tx, {
    topic: change.topic,
    aggregateId: change.meldingId,
    payload: { meldingId: change.meldingId, statusEventId },
  });
  return statusEventId;
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

/** Flags a melding as notable for the veiligheidsoverleg (again: replaces reason, officer and time). */
export async function setNotable(
  db: DbOrTx,
  params: { meldingId: string; at: Date; byUserId: string; reason: string },
): Promise<void> {
  await db
    .update(meldingen)
    .set({ notableAt: params.at, notableBy: params.byUserId, notableReason: params.reason })
    .where(eq(meldingen.id, params.meldingId));
}

export async function clearNotable(db: DbOrTx, meldingId: string): Promise<void> {
  await db
    .update(meldingen)
    .set({ notableAt: null, notableBy: null, notableReason: null })
    .where(eq(meldingen.id, meldingId));
}

/**
 * Takes the claim back from an officer who did nothing with it (the idle sweep): only while it is still
 * in_behandeling by `userId` since `claimedAt`, a conditional UPDATE. False when anything changed.
 */
export async function releaseIdleClaim(
  tx: DbOrTx,
  q: { meldingId: string; userId: string; claimedAt: Date; at: Date },
): Promise<boolean> {
  const updated = await tx
    .update(meldingen)
    .set({ assignedUserId: null, claimedAt: null, updatedAt: q.at })
    .where(
      and(
        eq(meldingen.id, q.meldingId),
        eq(meldingen.status, 'in_behandeling'),
        eq(meldingen.assignedUserId, q.userId),
        eq(meldingen.claimedAt, q.claimedAt),
      ),
    )
    .returning({ id: meldingen.id });
  return updated.length > 0;
}
