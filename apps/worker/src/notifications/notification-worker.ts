import { getCategory } from '@buurtsignaal/core';
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
import { type Mailer, type RenderedMail, renderOntvangen, streetFromAddress } from '@buurtsignaal/mail';
import { type Job, UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { classifySmtpError } from './smtp-errors.ts';

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

/**
 * The melder's private status link, rebuilt from the sealed token. Undefined when there is no key, no
 * sealed token (older meldingen, anonymised) or it does not open: the mail then points to the link
 * that the melder got at intake.
 */
function statusUrlFor(deps: NotificationDeps, ctx: NotificationContext): string | undefined {
  if (!deps.statusLinkBox || !ctx.statusTokenSealed) return undefined;
  const token = deps.statusLinkBox.open(ctx.statusTokenSealed, ctx.meldingId);
  if (token === null) {
    deps.logger.warn(
      { meldingId: ctx.meldingId },
      'sealed status token does not open; mail goes without link',
    );
    return undefined;
  }
  return `${deps.publicBaseUrl}/m/${encodeURIComponent(token)}`;
}

function render(deps: NotificationDeps, job: NotificationJob, ctx: NotificationContext): RenderedMail {
  switch (job.template) {
    case 'ontvangen': {
      const category = getCategory(ctx.category);
      const subcategory = category?.subcategories.find((s) => s.id === ctx.subcategory);
      return renderOntvangen({
        reference: ctx.reference,
        categoryLabel: category?.label ?? ctx.category,
        subcategoryLabel: subcategory?.label,
        street: streetFromAddress(ctx.addressText),
        statusUrl: statusUrlFor(deps, ctx),
      });
    }
  }
}

/**
 * Sends one notification at most once per notificationKey, recording every attempt in
 * email_deliveries. A melder without an address or who did not ask for terugkoppeling gets nothing,
 * and nothing is recorded: email_deliveries holds delivery attempts, and there was none.
 * Throws to make BullMQ retry (4xx, connection trouble) or UnrecoverableError to stop (5xx).
 */
export async function deliverNotification(
  deps: NotificationDeps,
  job: NotificationJob,
  attempt: { isLastAttempt: boolean },
): Promise<NotificationOutcome> {
  const ctx = await loadNotificationContext(deps.db, job.meldingId);
  if (!ctx?.email || !ctx.wantsFeedback || ctx.anonymisedAt) return 'skipped';
  if (await hasSentEmail(deps.db, job.notificationKey)) return 'already-sent';

  const mail = render(deps, job, ctx);
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
