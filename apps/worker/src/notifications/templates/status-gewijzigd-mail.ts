import { getCategory, isMeldingStatus, MELDER_ACTOR, statusChangeReachesMelder } from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import type { NotificationContext } from '@buurtsignaal/db/queries/melder/notification-context';
import { loadTerugkoppelingEvent } from '@buurtsignaal/db/queries/melder/terugkoppeling';
import type { StatusGewijzigdNotificationJob } from '@buurtsignaal/jobs';
import { renderStatusGewijzigd, streetFromAddress } from '@buurtsignaal/mail';
import { UnrecoverableError } from 'bullmq';
import { type LinkDeps, melderLinksFor } from '../melder-links.ts';
import type { PreparedMail } from './prepared-mail.ts';

/**
 * Terugkoppeling on one status event. Undefined when core's mail policy says this change does not
 * reach the melder (e.g. ingedeeld, or their own answer). A job whose event is missing, belongs to another melding or has an
 * unknown status is a bug upstream: retrying cannot fix it, and guessing could mail the wrong person.
 */
export async function prepareStatusGewijzigd(
  deps: LinkDeps & { db: Db },
  job: StatusGewijzigdNotificationJob,
  ctx: NotificationContext,
): Promise<PreparedMail | undefined> {
  const event = await loadTerugkoppelingEvent(deps.db, job.statusEventId);
  if (!event || event.meldingId !== ctx.meldingId) {
    throw new UnrecoverableError(
      `status event ${job.statusEventId} does not belong to melding ${ctx.meldingId}`,
    );
  }
  const status = event.toStatus;
  if (!isMeldingStatus(status)) {
    throw new UnrecoverableError(`status event ${event.id} has an unknown status`);
  }
  // Core's mail policy: the status machine, and not the melder's own action (their reopen excepted).
  if (!statusChangeReachesMelder({ status, actor: event.actor })) return undefined;
  return () => {
    const links = melderLinksFor(deps, ctx);
    return renderStatusGewijzigd({
      reference: ctx.reference,
      categoryLabel: getCategory(ctx.category)?.label ?? ctx.category,
      street: streetFromAddress(ctx.addressText),
      status,
      publicMessage: event.publicMessage,
      // A reopen by the melder carries their own reason: the mail quotes it as theirs.
      messageBy: event.actor === MELDER_ACTOR ? 'melder' : 'staff',
      statusUrl: links?.statusUrl,
      answerUrl: links?.answerUrl,
      feedbackUrl: links?.feedbackUrl,
    });
  };
}
