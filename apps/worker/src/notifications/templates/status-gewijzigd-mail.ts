import {
  type CoalescedStatusChange,
  getCategory,
  isMeldingStatus,
  MELDER_ACTOR,
  planStatusMail,
  statusChangeReachesMelder,
} from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import type { NotificationContext } from '@buurtsignaal/db/queries/melder/notification-context';
import {
  listTerugkoppelingEvents,
  loadTerugkoppelingEvent,
  type TerugkoppelingEvent,
} from '@buurtsignaal/db/queries/melder/terugkoppeling';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { notificationKeys, type StatusGewijzigdNotificationJob } from '@buurtsignaal/jobs';
import { type EarlierChange, renderStatusGewijzigd, streetFromAddress } from '@buurtsignaal/mail';
import { UnrecoverableError } from 'bullmq';
import { type LinkDeps, melderLinksFor } from '../melder-links.ts';
import type { PreparedMail } from './prepared-mail.ts';

/**
 * A status mail that is due now (PreparedMail), not for the melder (undefined), told by a later change's
 * mail ('coalesced'), or to be sent once the coalescing window has passed ('wait').
 */
export type StatusMailPreparation =
  | PreparedMail
  | undefined
  | { kind: 'coalesced' }
  | { kind: 'wait'; until: Date };

export interface StatusMailDeps extends LinkDeps {
  db: Db;
  /** Changes within this window become one mail (MAIL_COALESCE_SECONDS); 0 or absent: each its own. */
  coalesceMs?: number | undefined;
}

const messageBy = (actor: string) => (actor === MELDER_ACTOR ? 'melder' : 'staff');

/** The melding's changes for core's planStatusMail, each marked when its own mail went (or is going) out. */
async function changesOf(db: Db, meldingId: string): Promise<CoalescedStatusChange[]> {
  const [events, deliveries] = await Promise.all([
    listTerugkoppelingEvents(db, meldingId),
    listEmailDeliveries(db, meldingId),
  ]);
  const mailed = new Set(
    deliveries.filter((d) => d.status === 'sent' || d.status === 'sending').map((d) => d.notificationKey),
  );
  return events.flatMap((e) =>
    isMeldingStatus(e.toStatus)
      ? [
          {
            id: e.id,
            status: e.toStatus,
            actor: e.actor,
            at: e.createdAt,
            publicMessage: e.publicMessage,
            mailed: mailed.has(notificationKeys.statusGewijzigd(e.id)),
          },
        ]
      : [],
  );
}

/**
 * Terugkoppeling on one status event. Undefined when core's mail policy says this change does not
 * reach the melder (e.g. ingedeeld, or their own answer). A job whose event is missing, belongs to another melding or has an
 * unknown status is a bug upstream: retrying cannot fix it, and guessing could mail the wrong person.
 */
export async function prepareStatusGewijzigd(
  deps: StatusMailDeps,
  job: StatusGewijzigdNotificationJob,
  ctx: NotificationContext,
): Promise<StatusMailPreparation> {
  const event: TerugkoppelingEvent | undefined = await loadTerugkoppelingEvent(deps.db, job.statusEventId);
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

  let earlier: EarlierChange[] = [];
  const windowMs = deps.coalesceMs ?? 0;
  if (windowMs > 0) {
    const all = await changesOf(deps.db, ctx.meldingId);
    const change = all.find((c) => c.id === event.id);
    if (change) {
      const plan = planStatusMail({ change, all, windowMs, now: new Date() });
      if (plan.kind === 'wait') return plan;
      if (plan.kind === 'absorbed') return { kind: 'coalesced' };
      earlier = plan.earlier.map((c) => ({
        status: c.status,
        publicMessage: c.publicMessage,
        messageBy: messageBy(c.actor),
      }));
    }
  }
  return () => {
    const links = melderLinksFor(deps, ctx);
    return renderStatusGewijzigd({
      reference: ctx.reference,
      categoryLabel: getCategory(ctx.category)?.label ?? ctx.category,
      street: streetFromAddress(ctx.addressText),
      status,
      publicMessage: event.publicMessage,
      // A reopen by the melder carries their own reason: the mail quotes it as theirs.
      messageBy: messageBy(event.actor),
      statusUrl: links?.statusUrl,
      answerUrl: links?.answerUrl,
      feedbackUrl: links?.feedbackUrl,
      earlier,
    });
  };
}
