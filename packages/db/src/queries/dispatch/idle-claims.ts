import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows, toDate, ts } from '../../sql-rows.ts';

// Claimed but idle: meldingen in_behandeling whose officer did nothing (no status event, no note, no
// message) since a moment. The idle sweep (apps/worker/src/dispatch/idle-sweep.ts) reminds, then
// returns them to the team's queue. No personal data of the melder is read.

/** Dispatch steps below zero are idle reminders: -1 the first of an assignment, -2 the second, … */
export const idleReminderStep = (index: number): number => -index;

export interface IdleClaim {
  meldingId: string;
  reference: string;
  category: string;
  wijkCode: string | null;
  userId: string;
  claimedAt: Date;
  /** The newest of: the claim, a status event, an internal note. */
  lastActionAt: Date;
  /** The melding's newest assignment (its team's queue is where it goes back to). */
  assignmentId: string;
  teamId: string;
  priority: string;
  deadlineAt: Date | null;
  /** Idle reminders to this officer on this assignment before `lastActionAt`, and since it. */
  remindersBefore: number;
  remindedSince: boolean;
}

interface Raw {
  melding_id: string;
  reference: string;
  category: string;
  wijk_code: string | null;
  user_id: string;
  claimed_at: Date | string;
  last_action_at: Date | string;
  assignment_id: string;
  team_id: string;
  priority: string;
  deadline_at: Date | string | null;
  reminders_before: number | string;
  reminded_since: boolean;
}

/** In_behandeling and idle since before `idleBefore` (one melding when `meldingId` is given); oldest first. */
export async function listIdleClaims(
  db: DbOrTx,
  q: { idleBefore: Date; meldingId?: string; limit?: number },
): Promise<IdleClaim[]> {
  const only = q.meldingId ? sql`AND m.id = ${q.meldingId}::uuid` : sql``;
  const found = await rows<Raw>(
    db,
    sql`
      WITH claimed AS (
        SELECT m.id, m.reference, m.category, m.wijk_code, m.assigned_user_id, m.claimed_at, m.deadline_at,
               greatest(
                 m.claimed_at,
                 (SELECT max(e.created_at) FROM status_events e WHERE e.melding_id = m.id),
                 (SELECT max(n.created_at) FROM internal_notes n WHERE n.melding_id = m.id)
               ) AS last_action_at,
               (SELECT a.id FROM assignments a WHERE a.melding_id = m.id
                ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS assignment_id
        FROM meldingen m
        WHERE m.status = 'in_behandeling' AND m.assigned_user_id IS NOT NULL AND m.claimed_at IS NOT NULL ${only}
      )
      SELECT c.id AS melding_id, c.reference, c.category, c.wijk_code, c.assigned_user_id AS user_id,
             c.claimed_at, c.last_action_at, c.assignment_id, a.team_id, a.priority, c.deadline_at,
             (SELECT count(*) FROM dispatch_notices d
              WHERE d.assignment_id = c.assignment_id AND d.user_id = c.assigned_user_id AND d.step < 0
                AND d.channel = 'console' AND d.created_at < c.last_action_at) AS reminders_before,
             EXISTS (SELECT 1 FROM dispatch_notices d
              WHERE d.assignment_id = c.assignment_id AND d.user_id = c.assigned_user_id AND d.step < 0
                AND d.channel = 'console' AND d.created_at >= c.last_action_at) AS reminded_since
      FROM claimed c JOIN assignments a ON a.id = c.assignment_id
      WHERE c.last_action_at < ${ts(q.idleBefore)}
      ORDER BY c.last_action_at, c.id
      LIMIT ${q.limit ?? 500}`,
  );
  return found.map((r) => ({
    meldingId: r.melding_id,
    reference: r.reference,
    category: r.category,
    wijkCode: r.wijk_code,
    userId: r.user_id,
    claimedAt: toDate(r.claimed_at),
    lastActionAt: toDate(r.last_action_at),
    assignmentId: r.assignment_id,
    teamId: r.team_id,
    priority: r.priority,
    deadlineAt: r.deadline_at === null ? null : toDate(r.deadline_at),
    remindersBefore: Number(r.reminders_before),
    remindedSince: r.reminded_since,
  }));
}
