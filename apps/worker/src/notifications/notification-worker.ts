import { canReceiveMail as melderCanReceiveMail } from '@buurtsignaal/core';
import { connectionFailureOf, type Db, type SecretBox } from '@buurtsignaal/db';
import type { ConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import {
  loadNotificationContext,
  type NotificationContext,
} from '@buurtsignaal/db/queries/melder/notification-context';
import {
  claimEmailSend,
  type EmailAttemptOutcome,
  finishEmailAttempt,
  hasSentEmail,
  recordNotificationSkipped,
} from '@buurtsignaal/db/tables/email-deliveries-repository';
import type { NotificationJob } from '@buurtsignaal/jobs';
import { type Mailer, messageIdDomain, notificationMessageId } from '@buurtsignaal/mail';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';
import { ontvangenPickup, RoutingPending, waitForRouting } from './ontvangen-pickup.ts';
import { classifySmtpError } from './smtp-errors.ts';
import { prepareOntvangen } from './templates/ontvangen-mail.ts';
import { prepareStatusGewijzigd, type StatusMailPreparation } from './templates/status-gewijzigd-mail.ts';

/** Default lease of a sending attempt: longer than nodemailer's timeouts let one SMTP conversation take. */
export const DEFAULT_SEND_LEASE_MS = 120_000;

export interface NotificationDeps {
  db: Db;
  mailer: Mailer;
  mailFrom: string;
  /** Without a trailing slash. */
  publicBaseUrl: string;
  /** Opens the sealed status token so that the mail can carry the status link; without it, no link. */
  statusLinkBox: SecretBox | undefined;
  logger: Logger;
  /** How long an attempt holds its notification (see claimEmailSend); default DEFAULT_SEND_LEASE_MS. */
  sendLeaseMs?: number | undefined;
  /** The clock of the pickup sentence ("morgen vanaf 07:00"); default the system clock. */
  now?: (() => Date) | undefined;
  /** How long the ontvangen mail waits for routing (see ontvangen-pickup.ts). */
  routingWaitMs?: number | undefined;
  /** Status mails within this window become one (core's planStatusMail); 0 or absent: each its own. */
  coalesceMs?: number | undefined;
  /** Teams, rosters and rules from memory for the pickup sentence (config-cache.ts). */
  config?: ConfigCache | undefined;
}

/** Another attempt holds the notification's lease: try again once it has run out. */
export class SendInFlight extends Error {
  override name = 'SendInFlight';
  constructor(
    notificationKey: string,
    readonly retryInMs: number,
  ) {
    super(`mail ${notificationKey} is being sent by another attempt`);
  }
}

/** The mail waits until the coalescing window after its change has passed (another may follow). */
export class MailWaiting extends Error {
  override name = 'MailWaiting';
  constructor(
    notificationKey: string,
    readonly until: Date,
  ) {
    super(`mail ${notificationKey} waits for changes that may follow`);
  }
}

export type NotificationOutcome = 'sent' | 'already-sent' | 'skipped';

/** Per template: is this mail due at all (undefined: no), and how it reads. May throw UnrecoverableError. */
async function prepare(
  deps: NotificationDeps,
  job: NotificationJob,
  ctx: NotificationContext,
): Promise<StatusMailPreparation> {
  switch (job.template) {
    case 'ontvangen':
      return prepareOntvangen(deps, ctx);
    case 'status_gewijzigd':
      return prepareStatusGewijzigd(deps, job, ctx);
  }
}

/** Core's mail policy: only a melder who left an address, asked for terugkoppeling and was not anonymised. */
function canReceiveMail(ctx: NotificationContext): ctx is NotificationContext & { email: string } {
  return melderCanReceiveMail({
    email: ctx.email,
    wantsFeedback: ctx.wantsFeedback,
    anonymised: Boolean(ctx.anonymisedAt),
  });
}

/**
 * Writes the outcome of an attempt, waiting out a database outage for as long as the attempt holds its
 * lease: after the SMTP server accepted the mail, giving up here would make a later attempt send it
 * again. Returns whether the outcome was recorded (false: the row was taken over meanwhile).
 */
async function recordOutcome(
  deps: NotificationDeps,
  deliveryId: number,
  outcome: EmailAttemptOutcome,
  deadline: number,
): Promise<boolean> {
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await finishEmailAttempt(deps.db, deliveryId, outcome);
    } catch (err) {
      if (connectionFailureOf(err) === null || Date.now() + wait >= deadline) throw err;
      deps.logger.warn({ deliveryId, err: errorText(err) }, 'recording the mail outcome failed; retrying');
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/**
 * Sends one notification per notificationKey, recording every attempt in email_deliveries. A melder
 * without an address or who did not ask for terugkoppeling gets nothing, nor does a status change that
 * the status machine keeps from the melder; that is recorded as a 'skipped' row (a final record: the
 * worker's reconciliation does not send it on again).
 *
 * SMTP gives at-least-once, not exactly-once: when the process dies after the server accepted the
 * mail and before 'sent' is committed, nobody can know that it went out. The window is kept to that:
 * - the attempt is recorded as 'sending', with a lease, and committed before the SMTP conversation;
 * - 'sent' is written straight after the server's answer, and retried through a database outage for
 *   as long as the lease lasts;
 * - while the lease lasts no other attempt sends (a job taken over as stalled waits for it);
 * - every attempt carries the same Message-ID (notificationMessageId), so that mail systems that
 *   de-duplicate on it drop a copy.
 * An attempt still 'sending' after its lease is an unknown outcome. It is marked 'unknown' and the mail
 * is sent again, deliberately: the crash most often came before or during the SMTP conversation (then
 * nothing went out), a melder who never hears that the melding arrived is worse off than one who gets
 * it twice, and the copy carries the same Message-ID. The trade-off is measured in
 * test/mail-crash-duplicates.test.ts.
 * Throws to make BullMQ retry (4xx, connection trouble), UnrecoverableError to stop (5xx), or
 * SendInFlight while another attempt holds the lease.
 */
export async function deliverNotification(
  deps: NotificationDeps,
  job: NotificationJob,
  attempt: {
    isLastAttempt: boolean;
    /** Since the job was first added; the ontvangen mail waits for routing up to a limit. Default: no wait. */
    waitedMs?: number;
  },
): Promise<NotificationOutcome> {
  const waitedMs = attempt.waitedMs ?? Number.POSITIVE_INFINITY;
  if (job.template === 'ontvangen') await waitForRouting(deps, job.meldingId, waitedMs);
  const ctx = await loadNotificationContext(deps.db, job.meldingId);
  if (!ctx) return 'skipped';
  // The job is checked before the recipient: a job that points at the wrong data must fail loudly,
  // also for a melder who would not have been mailed anyway.
  const prepared = await prepare(deps, job, ctx);
  const coalesced = typeof prepared === 'object' && prepared.kind === 'coalesced';
  if (typeof prepared !== 'function' || !canReceiveMail(ctx)) {
    if (typeof prepared === 'object' && prepared.kind === 'wait' && canReceiveMail(ctx)) {
      throw new MailWaiting(job.notificationKey, prepared.until);
    }
    await recordNotificationSkipped(deps.db, {
      meldingId: ctx.meldingId,
      notificationKey: job.notificationKey,
      template: job.template,
      reason: !canReceiveMail(ctx) && prepared ? 'no_recipient' : coalesced ? 'coalesced' : 'not_for_melder',
    });
    return 'skipped';
  }
  if (await hasSentEmail(deps.db, job.notificationKey)) return 'already-sent';

  const pickup =
    job.template === 'ontvangen' ? await ontvangenPickup(deps, ctx.meldingId, waitedMs) : undefined;
  const mail = prepared({ pickup });
  const leaseMs = deps.sendLeaseMs ?? DEFAULT_SEND_LEASE_MS;
  const messageId = notificationMessageId(job.notificationKey, messageIdDomain(deps.mailFrom), ctx.meldingId);
  const claimedAt = Date.now();
  const claim = await claimEmailSend(deps.db, {
    meldingId: ctx.meldingId,
    notificationKey: job.notificationKey,
    template: job.template,
    toAddress: ctx.email,
    messageId,
    leaseMs,
  });
  if (claim.kind === 'already-sent') return 'already-sent';
  if (claim.kind === 'in-flight') throw new SendInFlight(job.notificationKey, claim.retryInMs);
  if (claim.previousOutcomeUnknown) {
    deps.logger.warn(
      { meldingId: ctx.meldingId, key: job.notificationKey, attempt: claim.attempt },
      'an earlier attempt ended with an unknown outcome; sending again with the same Message-ID',
    );
  }
  // A little before the lease runs out: after it, another attempt may take over and send too.
  const deadline = claimedAt + leaseMs * 0.9;

  let info: { response?: unknown };
  try {
    info = (await deps.mailer.sendMail({
      from: deps.mailFrom,
      to: ctx.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
    })) as { response?: unknown };
  } catch (err) {
    const failure = classifySmtpError(err);
    const final = failure.permanent || attempt.isLastAttempt;
    await recordOutcome(
      deps,
      claim.deliveryId,
      {
        status: final ? 'failed' : 'retrying',
        smtpResponse: failure.response ?? null,
        error: [failure.code, failure.message].filter(Boolean).join(': '),
      },
      deadline,
    );
    // The thrown message lands in Redis (failedReason) and in logs: codes only, never the server's
    // text, which may quote the address.
    const summary = `mail ${job.notificationKey} not delivered (${failure.responseCode ?? failure.code ?? 'error'})`;
    if (failure.permanent) throw new UnrecoverableError(`${summary}: permanent`);
    throw new Error(final ? `${summary}: giving up` : `${summary}: will retry`);
  }
  const recorded = await recordOutcome(
    deps,
    claim.deliveryId,
    { status: 'sent', smtpResponse: typeof info.response === 'string' ? info.response : null },
    deadline,
  );
  if (!recorded)
    deps.logger.warn({ meldingId: ctx.meldingId, key: job.notificationKey }, 'mail was sent twice');
  return 'sent';
}

export function createNotificationProcessor(
  deps: NotificationDeps,
): (job: Job<NotificationJob>, token?: string) => Promise<NotificationOutcome> {
  return async (job, token) => {
    try {
      return await deliverNotification(deps, job.data, {
        // attemptsMade counts the finished tries before this one.
        isLastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        waitedMs: Date.now() - job.timestamp,
      });
    } catch (err) {
      // Waiting for another attempt's lease is not a failed try: park the job until the lease has run
      // out, without using up one of its attempts.
      if ((err instanceof SendInFlight || err instanceof RoutingPending) && token) {
        await job.moveToDelayed(Date.now() + err.retryInMs + 50, token);
        throw new DelayedError();
      }
      // Held in Redis as a delayed job: a worker that restarts meanwhile sends it when it is due.
      if (err instanceof MailWaiting && token) {
        await job.moveToDelayed(err.until.getTime() + 50, token);
        throw new DelayedError();
      }
      throw err;
    }
  };
}
