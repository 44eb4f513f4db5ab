import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { dispatchNotices } from '../schema.ts';

// The only writer of dispatch_notices: one row per (assignment, step, officer, channel).

export type NoticeChannel = 'console' | 'email' | 'push';
export type NoticeStatus = 'pending' | 'sent' | 'failed';

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

/** The notices of one step that still wait to be sent through `channel`. */
export async function listPendingNotices(
  db: DbOrTx,
  assignmentId: string,
  step: number,
  channel: NoticeChannel,
): Promise<NoticeRow[]> {
  return db
    .select()
    .from(dispatchNotices)
    .where(
      and(
        eq(dispatchNotices.assignmentId, assignmentId),
        eq(dispatchNotices.step, step),
        eq(dispatchNotices.channel, channel),
        eq(dispatchNotices.status, 'pending'),
      ),
    )
    .orderBy(asc(dispatchNotices.createdAt), asc(dispatchNotices.id));
}

export async function markNotice(db: DbOrTx, id: string, status: 'sent' | 'failed', at: Date): Promise<void> {
  await db.update(dispatchNotices).set({ status, sentAt: at }).where(eq(dispatchNotices.id, id));
}

export async function listNoticesForMelding(db: DbOrTx, meldingId: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(dispatchNotices)
    .where(eq(dispatchNotices.meldingId, meldingId))
    .orderBy(asc(dispatchNotices.createdAt), asc(dispatchNotices.step), asc(dispatchNotices.id));
}
