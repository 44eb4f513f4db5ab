import {
  type DispatchPlan,
  defaultEscalationPolicy,
  type EscalationPolicy,
  isPriority,
  type PickupMinutes,
  planDispatch,
} from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import type { ConfigCache, ConfigView } from '@buurtsignaal/db/queries/config/config-cache';
import { findDispatchChannels } from '@buurtsignaal/db/queries/dispatch/dispatch-channels';
import {
  type DispatchAssignment,
  findDispatchAssignment,
  listCoordinatorIds,
  listStaffContacts,
  rosterFrom,
} from '@buurtsignaal/db/queries/dispatch/dispatch-context';
import { markAssignmentUnanswered } from '@buurtsignaal/db/tables/assignments-repository';
import {
  claimNoticesCountingHeld,
  markNotice,
  type NewNotice,
  type NoticeRow,
  recordNotices,
} from '@buurtsignaal/db/tables/dispatch-notices-repository';
import type { DispatchStepJob } from '@buurtsignaal/jobs';
import { type Mailer, messageIdDomain, notificationMessageId } from '@buurtsignaal/mail';
import type { Logger } from 'pino';
import { jobIds } from '../queues.ts';
import { announceDispatch } from './console-events.ts';
import { dispatchMail } from './dispatch-texts.ts';
import { sendPendingPushes, type VapidKeys } from './push-channel.ts';
import { planReopened } from './reopen-dispatch.ts';

export interface DispatchDeps {
  db: Db;
  now: () => Date;
  mailer: Mailer;
  mailFrom: string;
  /** Without a trailing slash; the mail links to the melding in the console. */
  publicBaseUrl: string;
  pickupMinutes: PickupMinutes;
  /** How long a sending attempt holds a notice before another may take over; default 2 minutes. */
  sendLeaseMs?: number;
  /** Puts a later step on the team's roster queue, due at `at`; idempotent per job id. */
  schedule: (job: DispatchStepJob, at: Date, jobId: string) => Promise<void>;
  logger: Logger;
  /** Web Push (push-channel.ts); undefined: not configured, every officer told is mailed. */
  push?: VapidKeys | undefined;
  /** Teams, rosters and staff from memory (config-cache.ts); without: read fresh for each step. */
  config?: ConfigCache | undefined;
}

export type DispatchOutcome =
  | { kind: 'notified'; step: number; notices: number; checkAt: Date }
  | { kind: 'waiting'; until: Date }
  | { kind: 'unanswered' }
  /** Nothing to do: claimed (or closed, cancelled), rerouted, already onbeantwoord, gone, or in a group. */
  | { kind: 'stopped'; why: 'claimed' | 'rerouted' | 'unanswered' | 'missing' | 'grouped' };

function stopReason(
  a: DispatchAssignment | undefined,
): Extract<DispatchOutcome, { kind: 'stopped' }>['why'] | undefined {
  if (!a) return 'missing';
  if (a.currentAssignmentId !== a.assignmentId) return 'rerouted';
  // Claimed is acknowledged: in_behandeling or any later status ends the escalation.
  if (a.status !== 'ingedeeld') return 'claimed';
  if (a.unansweredAt) return 'unanswered';
  return undefined;
}

const namedTeams = (policy: EscalationPolicy): string[] =>
  policy.levels.flatMap((l) => l.targets.flatMap((t) => (t.startsWith('team:') ? [t.slice(5)] : [])));

async function plan(
  deps: DispatchDeps,
  a: DispatchAssignment,
  step: number,
  now: Date,
  view: ConfigView | undefined,
): Promise<DispatchPlan> {
  const policy = a.policy ?? defaultEscalationPolicy;
  const teamIds = [a.teamId, ...(a.fallbackTeamId ? [a.fallbackTeamId] : []), ...namedTeams(policy)];
  return planDispatch({
    priority: isPriority(a.priority) ? a.priority : 'normaal',
    teamId: a.teamId,
    step,
    now,
    roster: await rosterFrom(deps.db, teamIds, now, 8, view),
    policy,
    fallbackTeamId: a.fallbackTeamId,
    coordinatorIds: await listCoordinatorIds(deps.db, view),
    pickupMinutes: deps.pickupMinutes,
  });
}

/** Sends the step's e-mails not sent yet; a failure leaves them pending for the job's retry. */
async function sendPendingMails(
  deps: DispatchDeps,
  a: DispatchAssignment,
  step: number,
  view: ConfigView | undefined,
): Promise<void> {
  const at = deps.now();
  const staleBefore = new Date(at.getTime() - (deps.sendLeaseMs ?? 120_000));
  const q = { assignmentId: a.assignmentId, step, channel: 'email' as const, at, staleBefore };
  const { claimed, heldElsewhere } = await claimNoticesCountingHeld(deps.db, q);
  if (claimed.length > 0) await sendMails(deps, a, step, claimed, view);
  // Another attempt holds some (or died holding them): retry after backoff, they are taken over once stale.
  if (heldElsewhere > 0) {
    throw new Error(`${heldElsewhere} dispatch mails of step ${step} are held by another attempt`);
  }
}

async function sendMails(
  deps: DispatchDeps,
  a: DispatchAssignment,
  step: number,
  pending: readonly NoticeRow[],
  view: ConfigView | undefined,
): Promise<void> {
  const ids = pending.map((n) => n.userId);
  const contacts = new Map((await listStaffContacts(deps.db, ids, view)).map((c) => [c.id, c]));
  const mail = dispatchMail({
    reference: a.reference,
    category: a.category,
    priority: a.priority,
    wijkCode: a.wijkCode,
    step,
    meldingen: a.groupSize,
    reopened: pending.some((n) => n.reason === 'reopened'),
    consoleUrl: `${deps.publicBaseUrl}/balie/meldingen/${a.meldingId}`,
  });
  const domain = messageIdDomain(deps.mailFrom);
  for (const [i, notice] of pending.entries()) {
    const contact = contacts.get(notice.userId);
    if (!contact) {
      await markNotice(deps.db, notice.id, 'failed', deps.now());
      continue;
    }
    // The same Message-ID on every attempt: a copy after a crash between send and 'sent' can be dropped.
    try {
      await deps.mailer.sendMail({
        from: deps.mailFrom,
        to: contact.email,
        subject: mail.subject,
        text: mail.text,
        messageId: notificationMessageId(`dispatch-${notice.id}`, domain, a.meldingId),
      });
    } catch (err) {
      // This one and the rest of this attempt go back for the retry.
      for (const left of pending.slice(i)) await markNotice(deps.db, left.id, 'pending', deps.now());
      throw err;
    }
    await markNotice(deps.db, notice.id, 'sent', deps.now());
  }
}

/**
 * Runs one dispatch step of one assignment. Safe to run again: notices are unique per (assignment,
 * step, officer, channel), pending mails are sent once they are recorded, and the next step's job id
 * is deterministic.
 */
export async function runDispatchStep(
  deps: DispatchDeps,
  job: DispatchStepJob,
  /** The job's last attempt: a push service still failing is given up for e-mail (push-channel.ts). */
  lastAttempt = false,
): Promise<DispatchOutcome> {
  const a = await findDispatchAssignment(deps.db, job.assignmentId);
  const stop = stopReason(a);
  if (stop || !a) return { kind: 'stopped', why: stop ?? 'missing' };
  // One incident, one notice chain: the group's primary carries it.
  if (a.groupPrimaryMeldingId !== null && a.groupPrimaryMeldingId !== a.meldingId) {
    return { kind: 'stopped', why: 'grouped' };
  }
  const now = deps.now();
  const view = await deps.config?.view(deps.db);
  const decided =
    (await planReopened(deps, a, job.step, now, view)) ?? (await plan(deps, a, job.step, now, view));
  const base = {
    meldingId: a.meldingId,
    assignmentId: a.assignmentId,
    teamId: job.teamId,
    priority: a.priority,
  };
  if (decided.kind === 'wait') {
    await deps.schedule(
      { ...base, step: 0 },
      decided.until,
      jobIds.shiftStart(a.assignmentId, decided.until),
    );
    return { kind: 'waiting', until: decided.until };
  }
  if (decided.kind === 'unanswered') {
    await markAssignmentUnanswered(deps.db, a.assignmentId, now);
    deps.logger.warn({ meldingId: a.meldingId, assignmentId: a.assignmentId }, 'dispatch: onbeantwoord');
    return { kind: 'unanswered' };
  }
  const contacts = await listStaffContacts(
    deps.db,
    decided.recipients.map((r) => r.userId),
    view,
  );
  const reachable = new Set(contacts.map((c) => c.id));
  const channels = await findDispatchChannels(
    deps.db,
    {
      teamId: a.teamId,
      userIds: [...reachable],
      wijkCode: a.wijkCode,
    },
    view,
  );
  // Push to an officer's devices; e-mail where there are none, or always when the team wants it.
  const pushes = (userId: string) => deps.push !== undefined && channels.pushUserIds.has(userId);
  const notices: NewNotice[] = decided.recipients
    .filter((r) => reachable.has(r.userId))
    .flatMap((r) => {
      const n = {
        assignmentId: a.assignmentId,
        meldingId: a.meldingId,
        step: decided.step,
        userId: r.userId,
      };
      const push = pushes(r.userId);
      return [
        // The console reads its notices from the database: recorded is delivered.
        { ...n, reason: r.reason, channel: 'console', status: 'sent', at: now },
        ...(push
          ? [{ ...n, reason: r.reason, channel: 'push' as const, status: 'pending' as const, at: now }]
          : []),
        ...(!push || channels.emailAlways
          ? [{ ...n, reason: r.reason, channel: 'email' as const, status: 'pending' as const, at: now }]
          : []),
      ] satisfies NewNotice[];
    });
  const added = await recordNotices(deps.db, notices);
  const told = decided.recipients.filter((r) => reachable.has(r.userId));
  await announceDispatch(deps, { ...base, step: decided.step, at: now, recipients: told });
  // The check before the mails: a mail relay that is down delays the mails (this job retries), never
  // the escalation.
  const next = decided.step + 1;
  await deps.schedule({ ...base, step: next }, decided.checkAt, jobIds.pickup(a.assignmentId, next));
  // Push first: an officer whose devices turn out to be gone gets a mail notice, sent just after.
  const { wijkName, pushDevices } = channels;
  const pushFailure = await sendPendingPushes(deps, a, decided.step, wijkName, lastAttempt, pushDevices).then(
    () => undefined,
    (err: unknown) => err,
  );
  await sendPendingMails(deps, a, decided.step, view);
  if (pushFailure) throw pushFailure;
  deps.logger.info({ meldingId: a.meldingId, step: decided.step, notices: added }, 'dispatched');
  return { kind: 'notified', step: decided.step, notices: added, checkAt: decided.checkAt };
}
