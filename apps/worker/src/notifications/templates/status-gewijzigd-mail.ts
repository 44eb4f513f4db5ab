import { getCategory, isMeldingStatus, notifiesMelder } from '@buurtsignaal/core';
import {
  type Db,
  findStatusEventActor,
  loadTerugkoppelingEvent,
  type NotificationContext,
} from '@buurtsignaal/db';
import type { StatusGewijzigdNotificationJob } from '@buurtsignaal/jobs';
import { renderStatusGewijzigd, streetFromAddress } from '@buurtsignaal/mail';
import { UnrecoverableError } from 'bullmq';
import { type LinkDeps, melderLinksFor } from '../melder-links.ts';
import type { PreparedMail } from './prepared-mail.ts';

/**
 * Terugkoppeling on one status event. Undefined when the status machine says this change does not
 * reach the melder (e.g. ingedeeld), or when the melder made it (their answer). A job whose event is missing, belongs to another melding or has an
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
  if (!notifiesMelder(status)) return undefined;
  // The melder's own answer is not news to them: they just wrote it on the status page. Their reopen
  // is the exception: the mail confirms that the melding went back to the team.
  if (status !== 'heropend' && (await findStatusEventActor(deps.db, event.id)) === 'melder') return undefined;
  return () => {
    const links = melderLinksFor(deps, ctx);
    return renderStatusGewijzigd({
      reference: ctx.reference,
      categoryLabel: getCategory(ctx.category)?.label ?? ctx.category,
      street: streetFromAddress(ctx.addressText),
      status,
      publicMessage: event.publicMessage,
      statusUrl: links?.statusUrl,
      answerUrl: links?.answerUrl,
      feedbackUrl: links?.feedbackUrl,
    });
  };
}
