import { mailTexts } from '../texts-nl.ts';
import { escapeHtml, heading, htmlLayout, paragraph } from './html.ts';
import { assertHttpUrl, closingPart, statusLinkPart, summaryPart } from './parts.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface OntvangenInput {
  /** Public reference, e.g. SOE-2026-000123. */
  reference: string;
  categoryLabel: string;
  subcategoryLabel?: string | undefined;
  /**
   * The street only — never a house number or postcode: a mail can be forwarded or read by others in
   * the household, and the exact spot of a report about neighbours must not travel with it.
   * Use `streetFromAddress()` on the stored address text.
   */
  street?: string | undefined;
  /** The melder's private status link; absent when it cannot be rebuilt (no key, or anonymised). */
  statusUrl?: string | undefined;
  /**
   * Who picks it up and when (core pickupMessage of the routing outcome and the roster): the sentence,
   * and the 112 / 0900-8844 line when the team is not at work. Absent: the mail promises no time.
   */
  pickup?: { message: string; safety: string | null } | undefined;
}

const t = mailTexts.ontvangen;
const s = mailTexts.summary;

/** Confirmation of receipt, sent once after intake to a melder who asked for terugkoppeling. */
export function renderOntvangen(input: OntvangenInput): RenderedMail {
  const statusUrl = input.statusUrl === undefined ? undefined : assertHttpUrl(input.statusUrl);
  const category = input.subcategoryLabel
    ? `${input.categoryLabel} – ${input.subcategoryLabel}`
    : input.categoryLabel;
  const rows: [string, string][] = [
    [s.referenceLabel, input.reference],
    [s.categoryLabel, category],
  ];
  if (input.street) rows.push([s.streetLabel, input.street]);
  const summary = summaryPart(rows);
  const status = statusLinkPart(statusUrl);
  const closing = closingPart(input.reference);
  const next = input.pickup
    ? [input.pickup.message, ...(input.pickup.safety ? [input.pickup.safety] : []), t.updates]
    : [t.next];

  const text = [
    mailTexts.greeting,
    '',
    t.intro,
    '',
    ...summary.text,
    '',
    t.nextHeading,
    ...next,
    '',
    ...status.text,
    ...closing.text,
  ].join('\n');

  const html = htmlLayout(
    t.subject(input.reference),
    [
      paragraph(escapeHtml(mailTexts.greeting)),
      paragraph(escapeHtml(t.intro)),
      summary.html,
      heading(t.nextHeading),
      ...next.map((line) => paragraph(escapeHtml(line))),
      status.html,
      closing.html,
    ].join('\n'),
  );

  return { subject: t.subject(input.reference), text, html };
}
