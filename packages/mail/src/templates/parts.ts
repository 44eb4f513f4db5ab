import { mailTexts } from '../texts-nl.ts';
import { escapeHtml, heading, paragraph } from './html.ts';
import { mailStyles } from './mail-styles.ts';

// Pieces that every mail to the melder shares, as plain-text lines and as escaped HTML side by side, so
// that both parts of a mail always say the same.

export interface Part {
  text: string[];
  html: string;
}

/** Links we put in a mail ourselves: only http(s), so that a bad base URL can never become script. */
export function assertHttpUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('mail links must be http(s)');
  return url.toString();
}

export function linkHtml(url: string): string {
  return paragraph(`<a href="${escapeHtml(url)}" style="${mailStyles.link}">${escapeHtml(url)}</a>`);
}

export function summaryPart(rows: [label: string, value: string][]): Part {
  const table = `<table role="presentation" style="${mailStyles.summaryTable}">${rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="${mailStyles.summaryLabel}">${escapeHtml(label)}</th>` +
        `<td style="${mailStyles.summaryValue}">${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</table>`;
  return {
    text: [`${mailTexts.summary.heading}:`, ...rows.map(([label, value]) => `- ${label}: ${value}`)],
    html: heading(mailTexts.summary.heading) + table,
  };
}

/** "Volg uw melding": the private status link and the advice to keep it to oneself. */
export function statusLinkPart(statusUrl: string | undefined): Part {
  const t = mailTexts.statusLink;
  return statusUrl
    ? {
        text: [t.heading, t.withLink, statusUrl, t.keepLink],
        html:
          heading(t.heading) +
          paragraph(escapeHtml(t.withLink)) +
          linkHtml(statusUrl) +
          paragraph(escapeHtml(t.keepLink)),
      }
    : { text: [t.heading, t.withoutLink], html: heading(t.heading) + paragraph(escapeHtml(t.withoutLink)) };
}

/** Reference hint, 112, signature and no-reply: the end of every mail. */
export function closingPart(reference: string): Part {
  return {
    text: [
      mailTexts.referenceHint(reference),
      '',
      mailTexts.urgent,
      '',
      mailTexts.closing,
      mailTexts.signature,
      '',
      mailTexts.noReply,
      '',
    ],
    html: [
      paragraph(escapeHtml(mailTexts.referenceHint(reference))),
      paragraph(`<strong>${escapeHtml(mailTexts.urgent)}</strong>`),
      paragraph(`${escapeHtml(mailTexts.closing)}<br>${escapeHtml(mailTexts.signature)}`),
      `<p style="${mailStyles.noReply}">${escapeHtml(mailTexts.noReply)}</p>`,
    ].join('\n'),
  };
}
