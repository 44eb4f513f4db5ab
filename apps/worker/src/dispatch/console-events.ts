import type { DbOrTx } from '@buurtsignaal/db';
import { notifyStaffEvents, recordStaffEvent } from '@buurtsignaal/db/tables/staff-events-repository';
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
 * (assignment, step), written right after the notices: a retried job writes nothing new but wakes the
 * consoles again (a crash between the commit and the NOTIFY then costs no more than a delay).
 */
export async function announceDispatch(
  deps: { db: DbOrTx; logger: Logger },
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
  await recordStaffEvent(deps.db, {
    kind: 'melding.dispatched',
    meldingId: notice.meldingId,
    dedupeKey: `dispatch-${notice.assignmentId}-${notice.step}`,
    at: notice.at,
    alsoTeamIds: [...new Set(teams)],
  });
  await wakeConsoles(deps.db, deps.logger);
}

/** The new assignment as a live event (in routing's transaction): the team's queue gains the melding. */
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
