import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { dispatchNotices } from '../schema.ts';
import { rows, ts } from '../sql-rows.ts';

// The only writer of dispatch_notices: one row per (assignment, step, officer, channel).

export type NoticeChannel = 'console' | 'email' | 'push';
/** 'sending': an attempt holds it (sent_at is when it began), taken over once that is stale. */
export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NewNotice {
  assignmentId: string;
  meldingId: string;
  step: number;
  userId: string;
  channel: NoticeChannel;
  reason: string;
  status: NoticeStatus;
  at: Date;
}

export interface NoticeRow {
  id: string;
  assignmentId: string;
  meldingId: string;
  step: number;
  userId: string;
  channel: string;
  reason: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

/** Inserts the notices not there yet (the unique key decides); returns how many were new. */
export async function recordNotices(db: DbOrTx, notices: readonly NewNotice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const inserted = await db
    .insert(dispatchNotices)
    .values(
      notices.map(({ at, ...n }) => ({
        id: randomUUID(),
        ...n,
        createdAt: at,
        sentAt: n.status === 'sent' ? at : null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: dispatchNotices.id });
  return inserted.length;
}

/**
 * Takes the notices of one step that wait to be sent through `channel` for this attempt: pending ones,
 * and ones whose sending attempt began before `staleBefore` (a worker that died while sending). A
 * conditional UPDATE, so two attempts at once never send the same notice twice.
 */
export async function claimNoticesToSend(
  db: DbOrTx,
  q: { assignmentId: string; step: number; channel: NoticeChannel; at: Date; staleBefore: Date },
): Promise<NoticeRow[]> {
  return db
    .update(dispatchNotices)
    .set({ status: 'sending', sentAt: q.at })
    .where(
      and(
        eq(dispatchNotices.assignmentId, q.assignmentId),
        eq(dispatchNotices.step, q.step),
        eq(dispatchNotices.channel, q.channel),
        or(
          eq(dispatchNotices.status, 'pending'),
          and(eq(dispatchNotices.status, 'sending'), lt(dispatchNotices.sentAt, q.staleBefore)),
        ),
      ),
    )
    .returning();
}

interface ClaimedJson {
  id: string;
  assignment_id: string;
  melding_id: string;
  step: number;
  user_id: string;
  channel: string;
  reason: string;
  status: string;
  created_at: string;
  sent_at: string | null;
}

/**
 * claimNoticesToSend and, in the same round trip, how many notices of the step another attempt holds
 * right now ('sending' and not stale): the caller retries later for those.
 */
export async function claimNoticesCountingHeld(
  db: DbOrTx,
  q: { assignmentId: string; step: number; channel: NoticeChannel; at: Date; staleBefore: Date },
): Promise<{ claimed: NoticeRow[]; heldElsewhere: number }> {
  const [row] = await rows<{ claimed: ClaimedJson[]; held: number }>(
    db,
    sql`WITH claimed AS (
        UPDATE ${dispatchNotices} SET status = 'sending', sent_at = ${ts(q.at)}
        WHERE assignment_id = ${q.assignmentId}::uuid AND step = ${q.step} AND channel = ${q.channel}
          AND (status = 'pending' OR (status = 'sending' AND sent_at < ${ts(q.staleBefore)}))
        RETURNING *)
      SELECT (SELECT coalesce(json_agg(c ORDER BY c.user_id), '[]'::json) FROM claimed c) AS claimed,
        -- The statement's snapshot is from before the UPDATE: these are others' fresh holds only.
        (SELECT count(*)::int FROM ${dispatchNotices} d
          WHERE d.assignment_id = ${q.assignmentId}::uuid AND d.step = ${q.step} AND d.channel = ${q.channel}
            AND d.status = 'sending' AND d.sent_at >= ${ts(q.staleBefore)}) AS held`,
  );
  const claimed = (row?.claimed ?? []).map((c) => ({
    id: c.id,
    assignmentId: c.assignment_id,
    meldingId: c.melding_id,
    step: c.step,
    userId: c.user_id,
    channel: c.channel,
    reason: c.reason,
    status: c.status,
    createdAt: new Date(c.created_at),
    sentAt: c.sent_at === null ? null : new Date(c.sent_at),
  }));
  return { claimed, heldElsewhere: Number(row?.held ?? 0) };
}

export async function markNotice(
  db: DbOrTx,
  id: string,
  status: 'pending' | 'sent' | 'failed',
  at: Date,
): Promise<void> {
  await db.update(dispatchNotices).set({ status, sentAt: at }).where(eq(dispatchNotices.id, id));
}

export async function listNoticesForMelding(db: DbOrTx, meldingId: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(dispatchNotices)
    .where(eq(dispatchNotices.meldingId, meldingId))
    .orderBy(
      asc(dispatchNotices.createdAt),
      asc(dispatchNotices.step),
      asc(dispatchNotices.userId),
      asc(dispatchNotices.channel),
    );
}

/** How many notices of one step another attempt is sending right now (status 'sending'). */
export async function countNoticesSending(
  db: DbOrTx,
  q: { assignmentId: string; step: number; channel: NoticeChannel },
): Promise<number> {
  const rows = await db
    .select({ id: dispatchNotices.id })
    .from(dispatchNotices)
    .where(
      and(
        eq(dispatchNotices.assignmentId, q.assignmentId),
        eq(dispatchNotices.step, q.step),
        eq(dispatchNotices.channel, q.channel),
        eq(dispatchNotices.status, 'sending'),
      ),
    );
  return rows.length;
}

/** After the last try of a step: what still waits to be sent is failed (visible, not silently pending). */
export async function failUnsentNotices(
  db: DbOrTx,
  q: { assignmentId: string; step: number; at: Date },
): Promise<number> {
  const rows = await db
    .update(dispatchNotices)
    .set({ status: 'failed', sentAt: q.at })
    .where(
      and(
        eq(dispatchNotices.assignmentId, q.assignmentId),
        eq(dispatchNotices.step, q.step),
        or(eq(dispatchNotices.status, 'pending'), eq(dispatchNotices.status, 'sending')),
      ),
    )
    .returning({ id: dispatchNotices.id });
  return rows.length;
}

/** An admin's retry of a stuck dispatch step: its failed notices wait to be sent again. */
export async function requeueFailedNotices(
  db: DbOrTx,
  q: { assignmentId: string; step: number },
): Promise<number> {
  const rows = await db
    .update(dispatchNotices)
    .set({ status: 'pending' })
    .where(
      and(
        eq(dispatchNotices.assignmentId, q.assignmentId),
        eq(dispatchNotices.step, q.step),
        eq(dispatchNotices.status, 'failed'),
      ),
    )
    .returning({ id: dispatchNotices.id });
  return rows.length;
}
