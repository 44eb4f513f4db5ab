import { getCategory, type MeldingStatus, melderGetsStatusMail } from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import { findStaffMeldingRow } from '@buurtsignaal/db/queries/handling/detail';
import { findMelderContact } from '@buurtsignaal/db/queries/handling/staff-melding';
import { melderLinks, renderStatusGewijzigd, streetFromAddress } from '@buurtsignaal/mail';

/**
 * Stands in for the melder's private status token in a preview: staff must never see that token (it
 * alone authorises the melder's status page), so the preview's links show their shape, not their value.
 */
export const PREVIEW_TOKEN = 'persoonlijke-link';

export interface MailPreview {
  subject: string;
  text: string;
  html: string;
  /** Whether this change would actually mail the melder: core's mail policy, as the worker decides. */
  sentToMelder: boolean;
}

/**
 * The terugkoppeling mail for a change to `to`, rendered as the worker renders it (same template, same
 * inputs), without storing anything. Undefined when the melding does not exist.
 */
export async function previewStatusMail(
  db: DbOrTx,
  input: {
    meldingId: string;
    to: MeldingStatus;
    /** Who would make the change, as status_events.actor stores it (staffActor(id) for the console). */
    actor: string;
    publicMessage?: string | undefined;
    publicBaseUrl: string;
  },
): Promise<MailPreview | undefined> {
  const melding = await findStaffMeldingRow(db, input.meldingId);
  if (!melding) return undefined;
  const contact = await findMelderContact(db, input.meldingId);
  const links = melderLinks(input.publicBaseUrl, PREVIEW_TOKEN);
  const mail = renderStatusGewijzigd({
    reference: melding.reference,
    categoryLabel: getCategory(melding.category)?.label ?? melding.category,
    street: streetFromAddress(melding.addressText),
    status: input.to,
    publicMessage: input.publicMessage ?? null,
    statusUrl: links.statusUrl,
    answerUrl: links.answerUrl,
    feedbackUrl: links.feedbackUrl,
  });
  const sentToMelder =
    contact !== undefined &&
    melderGetsStatusMail(
      { status: input.to, actor: input.actor },
      {
        email: contact.email,
        wantsFeedback: contact.wantsFeedback,
        anonymised: contact.anonymised,
      },
    );
  return { ...mail, sentToMelder };
}
