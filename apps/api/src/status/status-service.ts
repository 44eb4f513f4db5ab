import { getCategory, isMeldingStatus, publicStatusLabel } from '@buurtsignaal/core';
import { type DatabaseClient, findMelderStatusView } from '@buurtsignaal/db';
import { z } from 'zod';
import { sha256Hex } from '../intake/photos.ts';

const labelled = z.object({ id: z.string(), label: z.string() });

export const melderStatusSchema = z
  .object({
    reference: z.string(),
    category: labelled,
    subcategory: labelled.optional(),
    createdAt: z.iso.datetime({ offset: true }),
    status: z.object({ code: z.string(), label: z.string() }),
    /** Newest first; public messages only. */
    timeline: z.array(
      z.object({ at: z.iso.datetime({ offset: true }), status: z.string(), message: z.string().nullable() }),
    ),
  })
  .meta({ id: 'MelderStatus' });
export type MelderStatus = z.output<typeof melderStatusSchema>;

/** base64url of 32 random bytes (see intake-service); anything else cannot be a status token. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

// Unknown statuses (a newer worker wrote one) show as the melding's generic state rather than failing.
const labelOf = (status: string): string =>
  isMeldingStatus(status) ? publicStatusLabel(status) : publicStatusLabel('gemeld');

export interface StatusService {
  /** null for an unknown or malformed token. */
  findByToken(token: string): Promise<MelderStatus | null>;
}

export function createStatusService(database: DatabaseClient): StatusService {
  return {
    async findByToken(token) {
      if (!tokenPattern.test(token)) return null;
      const view = await findMelderStatusView(database.db, sha256Hex(token));
      if (!view) return null;
      const category = getCategory(view.category);
      const subcategory = category?.subcategories.find((s) => s.id === view.subcategory);
      const timeline: MelderStatus['timeline'] = [];
      // Oldest first, so that a status the melder cannot tell apart from the one before (gemeld →
      // ingedeeld are both "Ontvangen") is folded into it unless it carries a message.
      for (const event of [...view.timeline].reverse()) {
        const status = labelOf(event.status);
        const previous = timeline.at(-1);
        if (previous && previous.status === status && event.publicMessage === null) continue;
        timeline.push({ at: event.at.toISOString(), status, message: event.publicMessage });
      }
      return {
        reference: view.reference,
        category: { id: view.category, label: category?.label ?? view.category },
        ...(subcategory ? { subcategory: { id: subcategory.id, label: subcategory.label } } : {}),
        createdAt: view.createdAt.toISOString(),
        status: { code: view.status, label: labelOf(view.status) },
        timeline: timeline.reverse(),
      };
    },
  };
}
