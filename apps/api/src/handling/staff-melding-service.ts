import type { MeldingStatus } from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import { findMeldingPhoto } from '@buurtsignaal/db/queries/handling/detail';
import { listQueue } from '@buurtsignaal/db/queries/handling/queue';
import { findMelderContact, findStaffMeldingSummary } from '@buurtsignaal/db/queries/handling/staff-melding';
import { findNotable } from '@buurtsignaal/db/queries/reports/notable';
import { clearNotable, setNotable } from '@buurtsignaal/db/tables/meldingen-repository';
import {
  insertStandardText,
  listStandardTexts,
  updateStandardText,
} from '@buurtsignaal/db/tables/standard-texts-repository';
import { loadQueueGroups } from '../grouping/group-view.ts';
import { previewStatusMail } from './mail-preview.ts';
import { loadMeldingDetail } from './melding-detail.ts';

type Input<F extends (db: DbOrTx, ...args: never[]) => unknown, I extends number = 1> = Parameters<F>[I];

/** What the staff routes read of meldingen: summary (for access), detail, contact, photos, the queue. */
export function createStaffMeldingService(deps: { db: DbOrTx; publicBaseUrl: string }) {
  const { db, publicBaseUrl } = deps;
  return {
    summary: (meldingId: string) => findStaffMeldingSummary(db, meldingId),
    detail: (meldingId: string) => loadMeldingDetail(db, meldingId),
    melderContact: (meldingId: string) => findMelderContact(db, meldingId),
    photo: (meldingId: string, photoId: string) => findMeldingPhoto(db, meldingId, photoId),
    queue: async (filter: Input<typeof listQueue>) => {
      const page = await listQueue(db, filter);
      return {
        ...page,
        groupOf: await loadQueueGroups(
          db,
          page.rows.map((r) => r.id),
        ),
      };
    },
    /** The mail the melder would get for this change; stores nothing. Undefined: no such melding. */
    previewMail: (input: {
      meldingId: string;
      to: MeldingStatus;
      actor: string;
      publicMessage?: string | undefined;
    }) => previewStatusMail(db, { ...input, publicBaseUrl }),
  };
}
export type StaffMeldingService = ReturnType<typeof createStaffMeldingService>;

/** The coordinator's "opvallend" flag on a melding (for the weekly report). */
export function createNotableService(deps: { db: DbOrTx; now: () => Date }) {
  const { db, now } = deps;
  return {
    set: (meldingId: string, byUserId: string, reason: string) =>
      setNotable(db, { meldingId, at: now(), byUserId, reason }),
    find: (meldingId: string) => findNotable(db, meldingId),
    clear: (meldingId: string) => clearNotable(db, meldingId),
  };
}
export type NotableService = ReturnType<typeof createNotableService>;

type NewStandardText = Omit<Input<typeof insertStandardText>, 'at'>;
type StandardTextUpdate = Omit<Input<typeof updateStandardText, 2>, 'at'>;

/** Standard texts for the public message of a status change. */
export function createStandardTextService(deps: { db: DbOrTx; now: () => Date }) {
  const { db, now } = deps;
  return {
    list: (filter: Input<typeof listStandardTexts>) => listStandardTexts(db, filter),
    create: (text: NewStandardText) => insertStandardText(db, { ...text, at: now() }),
    update: (id: string, text: StandardTextUpdate) => updateStandardText(db, id, { ...text, at: now() }),
  };
}
export type StandardTextService = ReturnType<typeof createStandardTextService>;
