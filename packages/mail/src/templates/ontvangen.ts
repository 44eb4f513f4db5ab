import { mailTexts } from '../texts-nl.ts';
import { escapeHtml, heading, htmlLayout, paragraph } from './html.ts';

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
}

const t = mailTexts.ontvangen;

/** Confirmation of receipt, sent once after intake to a melder who asked for terugkoppeling. */
export function renderOntvangen(input: OntvangenInput): RenderedMail {
  const statusUrl = input.statusUrl === undefined ? undefined : assertHttpUrl(input.statusUrl);
  const category = input.subcategoryLabel
    ? `${input.categoryLabel} – ${input.subcategoryLabel}`
    : input.categoryLabel;
  const summary: [string, string][] = [
    [t.referenceLabel, input.reference],
    [t.categoryLabel, category],
  ];
  if (input.street) summary.push([t.streetLabel, input.street]);

  const text = [
    mailTexts.greeting,
    '',
    t.intro,
    '',
    `${t.summaryHeading}:`,
    ...summary.map(([label, value]) => `- ${label}: ${value}`),
    '',
    `${t.nextHeading}`,
    t.next,
    '',
    `${t.statusHeading}`,
    ...(statusUrl ? [t.statusWithLink, statusUrl, t.statusKeepLink] : [t.statusWithoutLink]),
    t.referenceHint(input.reference),
    '',
    mailTexts.urgent,
    '',
    mailTexts.closing,
    mailTexts.signature,
    '',
    mailTexts.noReply,
    '',
  ].join('\n');

  const summaryHtml = `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${summary
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;font-weight:bold">${escapeHtml(label)}</th>` +
        `<td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</table>`;
  const statusHtml = statusUrl
    ? paragraph(escapeHtml(t.statusWithLink)) +
      paragraph(`<a href="${escapeHtml(statusUrl)}" style="color:#01689b">${escapeHtml(statusUrl)}</a>`) +
      paragraph(escapeHtml(t.statusKeepLink))
    : paragraph(escapeHtml(t.statusWithoutLink));

  const html = htmlLayout(
    t.subject(input.reference),
    [
      paragraph(escapeHtml(mailTexts.greeting)),
      paragraph(escapeHtml(t.intro)),
      heading(t.summaryHeading),
      summaryHtml,
      heading(t.nextHeading),
      paragraph(escapeHtml(t.next)),
      heading(t.statusHeading),
      statusHtml,
      paragraph(escapeHtml(t.referenceHint(input.reference))),
      paragraph(`<strong>${escapeHtml(mailTexts.urgent)}</strong>`),
      paragraph(`${escapeHtml(mailTexts.closing)}<br>${escapeHtml(mailTexts.signature)}`),
      `<p style="margin:24px 0 0;font-size:13px;color:#555">${escapeHtml(mailTexts.noReply)}</p>`,
    ].join('\n'),
  );

  return { subject: t.subject(input.reference), text, html };
}

function assertHttpUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('status link must be http(s)');
  return url.toString();
}
