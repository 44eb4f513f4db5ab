import type { Db, DbOrTx } from '@buurtsignaal/db';
import {
  notifyStaffEvents,
  recordStaffEvent,
  recordStaffEventAndNotify,
} from '@buurtsignaal/db/tables/staff-events-repository';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';

// What the worker tells the live console (GET /api/v1/staff/events): every API instance LISTENs for
// the NOTIFY and reads the new rows of staff_events, so the console need not be on this process.

/**
 * Wakes the API instances. A failure is logged, not thrown: the event is stored, and every hub reads
 * the table again within seconds (its poll) or at its LISTEN reconnect.
 */
export async function wakeConsoles(db: DbOrTx, logger: Logger): Promise<void> {
  try {
    await notifyStaffEvents(db);
  } catch (err) {
    logger.warn({ err: errorText(err) }, 'staff events: NOTIFY failed; the consoles poll');
  }
}

/**
 * The "console" notice of a dispatch step as a live event: the console of every officer told (their
 * teams; coordinators see all) updates its queue, and a spoed melding announces itself. One event per
 * (assignment, step), written right after the notices, outside a transaction: the row and the NOTIFY
 * that wakes the consoles are one statement (one round trip) that commits both or neither, so a
 * retried job that finds the row has nobody left to wake.
 */
export async function announceDispatch(
  deps: { db: Db; logger: Logger },
  notice: {
    meldingId: string;
    assignmentId: string;
    step: number;
    at: Date;
    recipients: readonly { teamId?: string | null | undefined }[];
  },
): Promise<void> {
  if (notice.recipients.length === 0) return;
  const teams = notice.recipients.flatMap((r) => (r.teamId ? [r.teamId] : []));
  await recordStaffEventAndNotify(deps.db, {
    kind: 'melding.dispatched',
    meldingId: notice.meldingId,
    dedupeKey: `dispatch-${notice.assignmentId}-${notice.step}`,
    at: notice.at,
    alsoTeamIds: [...new Set(teams)],
  });
}

/**
 * The new assignment as a live event (in routing's transaction): the team's queue gains the melding.
 * One statement; the caller wakes the consoles after the commit (wakeConsoles).
 */
export async function recordAssignedEvent(
  tx: DbOrTx,
  assignment: { meldingId: string; assignmentId: string; at: Date; previousTeamId: string | null },
): Promise<void> {
  await recordStaffEvent(tx, {
    kind: 'melding.assigned',
    meldingId: assignment.meldingId,
    dedupeKey: `assignment-${assignment.assignmentId}`,
    at: assignment.at,
    alsoTeamIds: assignment.previousTeamId ? [assignment.previousTeamId] : [],
  });
}
