import { getCategory, isMeldingStatus, publicStatusLabel, toPickupNotice } from '@buurtsignaal/core';
import type { MelderStatus } from '@buurtsignaal/core/contract';
import type { DatabaseClient, DbOrTx } from '@buurtsignaal/db';
import type { ConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { findMelderPickup } from '@buurtsignaal/db/queries/melder/pickup';
import { findMelderStatusView, type MelderStatusView } from '@buurtsignaal/db/queries/melder/status-view';
import { hasMelderFeedback } from '@buurtsignaal/db/tables/melder-feedback-repository';
import { findLastStatusEventTo } from '@buurtsignaal/db/tables/status-events-repository';
import type { MelderConfig } from '../config.ts';
import { sha256Hex } from '../intake/photos.ts';
import { isFeedbackWindowOpen, isQuestionOpen } from './melder-windows.ts';

export { type MelderStatus, melderStatusSchema } from '@buurtsignaal/core/contract';

/** base64url of 32 random bytes (see intake-service); anything else cannot be a status token. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

// Unknown statuses (a newer worker wrote one) show as the melding's generic state rather than failing.
const labelOf = (status: string): string =>
  isMeldingStatus(status) ? publicStatusLabel(status) : publicStatusLabel('gemeld');

/**
 * The status as the melder sees it. A reopened melding that the worker routed to its team again
 * (heropend → ingedeeld) still reads "Heropend": the routing is internal, and "Ontvangen" right after
 * the melder said "niet opgelost" would suggest a new melding.
 */
const shownStatus = (status: string, previousShown: string | undefined): string =>
  status === 'ingedeeld' && previousShown === 'heropend' ? 'heropend' : status;

export const isStatusToken = (token: string): boolean => tokenPattern.test(token);

export interface StatusService {
  /** null for an unknown or malformed token. */
  findByToken(token: string): Promise<MelderStatus | null>;
}

export interface StatusServiceDeps {
  database: DatabaseClient;
  config: MelderConfig;
  now: () => Date;
  /** Teams, rosters and rules from memory for the pickup sentence (config-cache.ts). */
  configCache?: ConfigCache | undefined;
}

/** What the melder is asked on the status page right now: the open question, the satisfaction question. */
async function melderPrompts(
  db: DbOrTx,
  view: MelderStatusView,
  config: MelderConfig,
  now: Date,
): Promise<Pick<MelderStatus, 'question' | 'feedbackOpen'>> {
  if (view.status === 'reactie_gevraagd') {
    const asked = await findLastStatusEventTo(db, view.id, 'reactie_gevraagd');
    const question = asked
      ? {
          text: asked.publicMessage ?? '',
          askedAt: asked.createdAt.toISOString(),
          open: isQuestionOpen(asked.createdAt, config, now),
        }
      : null;
    return { question, feedbackOpen: false };
  }
  if (view.status === 'afgehandeld') {
    const closing = await findLastStatusEventTo(db, view.id, 'afgehandeld');
    const feedbackOpen =
      closing !== undefined &&
      isFeedbackWindowOpen(closing.createdAt, config, now) &&
      !(await hasMelderFeedback(db, closing.id));
    return { question: null, feedbackOpen };
  }
  return { question: null, feedbackOpen: false };
}

export function createStatusService({
  database,
  config,
  now,
  configCache,
}: StatusServiceDeps): StatusService {
  return {
    async findByToken(token) {
      if (!isStatusToken(token)) return null;
      const view = await findMelderStatusView(database.db, sha256Hex(token));
      if (!view) return null;
      const category = getCategory(view.category);
      const subcategory = category?.subcategories.find((s) => s.id === view.subcategory);
      const timeline: MelderStatus['timeline'] = [];
      // Oldest first, so that a status the melder cannot tell apart from the one before (gemeld →
      // ingedeeld are both "Ontvangen") is folded into it unless it carries a message.
      let shown: string | undefined;
      for (const event of [...view.timeline].reverse()) {
        shown = shownStatus(event.status, shown);
        const status = labelOf(shown);
        const previous = timeline.at(-1);
        if (previous && previous.status === status && event.publicMessage === null) continue;
        timeline.push({ at: event.at.toISOString(), status, message: event.publicMessage });
      }
      const current = shownStatus(view.status, shown);
      const at = now();
      const pickup = await findMelderPickup(database.db, view.id, at, await configCache?.view(database.db));
      return {
        reference: view.reference,
        category: { id: view.category, label: category?.label ?? view.category },
        ...(subcategory ? { subcategory: { id: subcategory.id, label: subcategory.label } } : {}),
        createdAt: view.createdAt.toISOString(),
        status: { code: current, label: labelOf(current) },
        timeline: timeline.reverse(),
        ...(await melderPrompts(database.db, view, config, at)),
        ...(pickup ? { pickup: toPickupNotice(pickup.expectation, at) } : {}),
      };
    },
  };
}
