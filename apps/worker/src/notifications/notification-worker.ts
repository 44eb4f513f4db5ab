import { canReceiveMail as melderCanReceiveMail } from '@buurtsignaal/core';
import {
  countEmailAttempts,
  type Db,
  hasSentEmail,
  loadNotificationContext,
  type NotificationContext,
  recordEmailAttempt,
  type SecretBox,
} from '@buurtsignaal/db';
import type { NotificationJob } from '@buurtsignaal/jobs';
import type { Mailer } from '@buurtsignaal/mail';
import { type Job, UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { classifySmtpError } from './smtp-errors.ts';
import { prepareOntvangen } from './templates/ontvangen-mail.ts';
import type { PreparedMail } from './templates/prepared-mail.ts';
import { prepareStatusGewijzigd } from './templates/status-gewijzigd-mail.ts';

export interface NotificationDeps {
  db: Db;
  mailer: Mailer;
  mailFrom: string;
  /** Without a trailing slash. */
  publicBaseUrl: string;
  /** Opens the sealed status token so that the mail can carry the status link; without it, no link. */
  statusLinkBox: SecretBox | undefined;
  logger: Logger;
}

export type NotificationOutcome = 'sent' | 'already-sent' | 'skipped';

/** Per template: is this mail due at all (undefined: no), and how it reads. May throw UnrecoverableError. */
async function prepare(
  deps: NotificationDeps,
  job: NotificationJob,
  ctx: NotificationContext,
): Promise<PreparedMail | undefined> {
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
 * Sends one notification at most once per notificationKey, recording every attempt in
 * email_deliveries. A melder without an address or who did not ask for terugkoppeling gets nothing,
 * nor does a status change that the status machine keeps from the melder; nothing is recorded then:
 * email_deliveries holds delivery attempts, and there was none.
 * Throws to make BullMQ retry (4xx, connection trouble) or UnrecoverableError to stop (5xx).
 */
export async function deliverNotification(
  deps: NotificationDeps,
  job: NotificationJob,
  attempt: { isLastAttempt: boolean },
): Promise<NotificationOutcome> {
  const ctx = await loadNotificationContext(deps.db, job.meldingId);
  if (!ctx) return 'skipped';
  // The job is checked before the recipient: a job that points at the wrong data must fail loudly,
  // also for a melder who would not have been mailed anyway.
  const prepared = await prepare(deps, job, ctx);
  if (!prepared || !canReceiveMail(ctx)) return 'skipped';
  if (await hasSentEmail(deps.db, job.notificationKey)) return 'already-sent';

  const mail = prepared();
  const record = {
    meldingId: ctx.meldingId,
    notificationKey: job.notificationKey,
    template: job.template,
    toAddress: ctx.email,
    attempt: (await countEmailAttempts(deps.db, job.notificationKey)) + 1,
  };
  try {
    const info = (await deps.mailer.sendMail({
      from: deps.mailFrom,
      to: ctx.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    })) as { response?: unknown; messageId?: unknown };
    const stored = await recordEmailAttempt(deps.db, {
      ...record,
      status: 'sent',
      smtpResponse: typeof info.response === 'string' ? info.response : null,
      messageId: typeof info.messageId === 'string' ? info.messageId : null,
    });
    if (!stored)
      deps.logger.warn({ meldingId: ctx.meldingId, key: job.notificationKey }, 'mail was sent twice');
    return 'sent';
  } catch (err) {
    const failure = classifySmtpError(err);
    const final = failure.permanent || attempt.isLastAttempt;
    await recordEmailAttempt(deps.db, {
      ...record,
      status: final ? 'failed' : 'retrying',
      smtpResponse: failure.response ?? null,
      error: [failure.code, failure.message].filter(Boolean).join(': '),
    });
    // The thrown message lands in Redis (failedReason) and in logs: codes only, never the server's
    // text, which may quote the address.
    const summary = `mail ${job.notificationKey} not delivered (${failure.responseCode ?? failure.code ?? 'error'})`;
    if (failure.permanent) throw new UnrecoverableError(`${summary}: permanent`);
    throw new Error(final ? `${summary}: giving up` : `${summary}: will retry`);
  }
}

export function createNotificationProcessor(
  deps: NotificationDeps,
): (job: Job<NotificationJob>) => Promise<NotificationOutcome> {
  return (job) =>
    deliverNotification(deps, job.data, {
      // attemptsMade counts the finished tries before this one.
      isLastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    });
}
