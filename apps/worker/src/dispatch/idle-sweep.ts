import { randomUUID } from 'node:crypto';
import { outboxTopics } from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import { listStaffContacts } from '@buurtsignaal/db/queries/dispatch/dispatch-context';
import {
  type IdleClaim,
  idleReminderStep,
  listIdleClaims,
} from '@buurtsignaal/db/queries/dispatch/idle-claims';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import {
  claimNoticesToSend,
  markNotice,
  recordNotices,
} from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { lockMeldingForHandling, releaseIdleClaim } from '@buurtsignaal/db/tables/meldingen-repository';
import { insertOutboxRow } from '@buurtsignaal/db/tables/outbox-repository';
import { type Mailer, messageIdDomain, notificationMessageId } from '@buurtsignaal/mail';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';
import { type PeriodicContext, type PeriodicJob, startPeriodicJob } from '../scheduling/periodic-job.ts';
import { idleReminderMail, idleReturnNote } from './idle-texts.ts';

// Claimed but idle (issue 11): a melding in_behandeling without any action (status event, note,
// message) for `reminderMinutes` reminds its officer — a notice on the timeline (console) and a mail —
// and after `returnMinutes` goes back to its team's queue: unclaimed, `ingedeeld` with a status event
// on the timeline, and a new assignment that the roster queue dispatches as a new melding. A periodic
// sweep: every step is decided from the database, so a sweep that runs twice (or in two workers at
// once) reminds once and returns once.

export interface IdleSweepDeps {
  db: Db;
  now: () => Date;
  mailer: Mailer;
  mailFrom: string;
  publicBaseUrl: string;
  logger: Logger;
  reminderMinutes: number;
  returnMinutes: number;
  /** How long a sending attempt holds a reminder mail; default 2 minutes. */
  sendLeaseMs?: number | undefined;
}

export interface IdleSweepResult {
  reminded: number;
  returned: number;
}

const minutesBefore = (at: Date, m: number) => new Date(at.getTime() - m * 60_000);

async function remind(deps: IdleSweepDeps, c: IdleClaim, at: Date): Promise<boolean> {
  const step = idleReminderStep(c.remindersBefore + 1);
  const base = { assignmentId: c.assignmentId, meldingId: c.meldingId, step, userId: c.userId };
  const reason = 'idle_reminder';
  const added = c.remindedSince
    ? 0
    : await recordNotices(deps.db, [
        { ...base, reason, channel: 'console', status: 'sent', at },
        { ...base, reason, channel: 'email', status: 'pending', at },
      ]);
  await sendReminderMail(deps, c, step, at);
  return added > 0;
}

async function sendReminderMail(deps: IdleSweepDeps, c: IdleClaim, step: number, at: Date): Promise<void> {
  const staleBefore = new Date(at.getTime() - (deps.sendLeaseMs ?? 120_000));
  const q = { assignmentId: c.assignmentId, step, channel: 'email' as const, at, staleBefore };
  const pending = await claimNoticesToSend(deps.db, q);
  if (pending.length === 0) return;
  const [contact] = await listStaffContacts(deps.db, [c.userId]);
  for (const notice of pending) {
    if (!contact) {
      await markNotice(deps.db, notice.id, 'failed', at);
      continue;
    }
    const mail = idleReminderMail({
      reference: c.reference,
      category: c.category,
      wijkCode: c.wijkCode,
      lastActionAt: c.lastActionAt,
      returnsAt: new Date(c.lastActionAt.getTime() + deps.returnMinutes * 60_000),
      consoleUrl: `${deps.publicBaseUrl}/balie/meldingen/${c.meldingId}`,
    });
    try {
      await deps.mailer.sendMail({
        from: deps.mailFrom,
        to: contact.email,
        subject: mail.subject,
        text: mail.text,
        messageId: notificationMessageId(
          `dispatch-${notice.id}`,
          messageIdDomain(deps.mailFrom),
          c.meldingId,
        ),
      });
    } catch (err) {
      // Pending again: the next sweep sends it (the reminder on the console stands).
      await markNotice(deps.db, notice.id, 'pending', at);
      throw err;
    }
    await markNotice(deps.db, notice.id, 'sent', at);
  }
}

/**
 * Takes the claim back and puts the melding on its team's queue again, in one transaction with the
 * melding's lock: checked again inside it, so an action that came in between keeps the claim.
 */
async function returnToQueue(deps: IdleSweepDeps, c: IdleClaim, at: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockMeldingForHandling(tx, c.meldingId);
    if (locked?.status !== 'in_behandeling' || locked.assignedUserId !== c.userId) return false;
    const idleBefore = minutesBefore(at, deps.returnMinutes);
    const [still] = await listIdleClaims(tx, { idleBefore, meldingId: c.meldingId });
    if (!still || still.userId !== c.userId || still.claimedAt.getTime() !== c.claimedAt.getTime())
      return false;
    if (!(await releaseIdleClaim(tx, { ...c, at }))) return false;
    const assignmentId = randomUUID();
    const added = await recordAssignment(tx, {
      id: assignmentId,
      meldingId: c.meldingId,
      // One return per claim, however often the sweep runs.
      routingKey: `idle-${c.assignmentId}-${c.claimedAt.getTime()}`,
      teamId: still.teamId,
      priority: still.priority,
      reason: idleReturnNote(still.lastActionAt),
      fromStatus: 'in_behandeling',
      at,
      // Still the same melding for the same team: its afhandeltermijn stands.
      deadlineAt: still.deadlineAt,
    });
    if (!added) throw new Error(`idle return of ${c.meldingId}: assignment existed while still claimed`);
    // The new assignment reaches the team's roster queue through the outbox, or neither happens.
    const roster = { meldingId: c.meldingId, assignmentId, teamId: still.teamId, priority: still.priority };
    await insertOutboxRow(tx, { topic: outboxTopics.rerouted, aggregateId: c.meldingId, payload: roster });
    return true;
  });
}

/** One sweep over the idle claims; each melding on its own (one that fails does not stop the rest). */
export async function runIdleSweep(deps: IdleSweepDeps): Promise<IdleSweepResult> {
  const at = deps.now();
  const first = Math.min(deps.reminderMinutes, deps.returnMinutes);
  const result: IdleSweepResult = { reminded: 0, returned: 0 };
  for (const c of await listIdleClaims(deps.db, { idleBefore: minutesBefore(at, first) })) {
    try {
      if (c.lastActionAt <= minutesBefore(at, deps.returnMinutes)) {
        if (await returnToQueue(deps, c, at)) result.returned += 1;
      } else if (await remind(deps, c, at)) {
        result.reminded += 1;
      }
    } catch (err) {
      deps.logger.warn({ meldingId: c.meldingId, err: errorText(err) }, 'idle sweep: melding not handled');
    }
  }
  if (result.reminded + result.returned > 0) deps.logger.info(result, 'idle sweep');
  return result;
}

export const IDLE_SWEEP_QUEUE = 'dispatch-idle';

export function startIdleSweepScheduler(
  opts: PeriodicContext & Omit<IdleSweepDeps, 'db' | 'now' | 'logger'> & { everyMs: number },
): Promise<PeriodicJob> {
  return startPeriodicJob({
    queueName: IDLE_SWEEP_QUEUE,
    schedulerId: IDLE_SWEEP_QUEUE,
    jobName: 'sweep',
    ...opts,
    run: () => runIdleSweep(opts),
  });
}
