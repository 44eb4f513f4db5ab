import { type MeldingStatus, publicStatusLabel } from '@buurtsignaal/core';
import { mailTexts } from '../texts-nl.ts';
import { escapeHtml, heading, htmlLayout, paragraph } from './html.ts';
import { mailStyles } from './mail-styles.ts';
import type { RenderedMail } from './ontvangen.ts';
import { assertHttpUrl, closingPart, linkHtml, type Part, statusLinkPart, summaryPart } from './parts.ts';
import { normalizeMessage, publicMessageHtml } from './public-message.ts';

export interface StatusGewijzigdInput {
  /** Public reference, e.g. SOE-2026-000123. */
  reference: string;
  categoryLabel: string;
  /** The street only, as for renderOntvangen (`streetFromAddress()`); never a house number or postcode. */
  street?: string | undefined;
  /** The new status (code). */
  status: MeldingStatus;
  /** As the melder sees it; default `publicStatusLabel(status)` (geannuleerd shows as "Afgehandeld"). */
  statusLabel?: string | undefined;
  /** The officer's message to the melder: escaped, line breaks kept, never made a link. */
  publicMessage?: string | null | undefined;
  /** Whose words publicMessage holds: the officer's (default), or the melder's own (their reopen reason). */
  messageBy?: 'staff' | 'melder' | undefined;
  /** The private status link (see melderLinks); without it the mail points to the link from intake. */
  statusUrl?: string | undefined;
  /** Used only for reactie_gevraagd. */
  answerUrl?: string | undefined;
  /** Used only for afgehandeld. */
  feedbackUrl?: string | undefined;
  /**
   * Earlier changes this mail also tells of, oldest first: they came within minutes of this one and
   * had no mail of their own (coalescing, core's planStatusMail).
   */
  earlier?: readonly EarlierChange[] | undefined;
}

export interface EarlierChange {
  status: MeldingStatus;
  publicMessage?: string | null | undefined;
  messageBy?: 'staff' | 'melder' | undefined;
}

const t = mailTexts.statusGewijzigd;

function messageHeading(status: MeldingStatus, by: StatusGewijzigdInput['messageBy']): string {
  if (by === 'melder') return t.melderWordsHeading;
  if (status === 'reactie_gevraagd') return t.questionHeading;
  if (status === 'doorgestuurd') return t.forwardedHeading;
  return t.messageHeading;
}

function messagePart(
  status: MeldingStatus,
  publicMessage: string | null | undefined,
  by: StatusGewijzigdInput['messageBy'],
): Part | undefined {
  const message = publicMessage ? normalizeMessage(publicMessage) : '';
  if (message) {
    const title = messageHeading(status, by);
    return {
      text: [`${title}:`, ...message.split('\n').map((line) => (line ? `  ${line}` : ''))],
      // A quoted block, so that the melder sees where the quoted words begin and end.
      html: `${heading(title)}<div style="${mailStyles.publicMessage}">${publicMessageHtml(message)}</div>`,
    };
  }
  if (status === 'geannuleerd') {
    return { text: [t.cancelledWithoutMessage], html: paragraph(escapeHtml(t.cancelledWithoutMessage)) };
  }
  return undefined;
}

/** What the melder can do now: answer the question, or say whether it was solved. */
function actionPart(input: StatusGewijzigdInput): Part | undefined {
  const action =
    input.status === 'reactie_gevraagd'
      ? {
          title: t.answerHeading,
          url: input.answerUrl,
          withLink: t.answerWithLink,
          without: t.answerWithoutLink,
        }
      : input.status === 'afgehandeld'
        ? {
            title: t.feedbackHeading,
            url: input.feedbackUrl,
            withLink: t.feedbackWithLink,
            without: t.feedbackWithoutLink,
          }
        : undefined;
  if (!action) return undefined;
  if (action.url === undefined) {
    return { text: [action.without], html: heading(action.title) + paragraph(escapeHtml(action.without)) };
  }
  const url = assertHttpUrl(action.url);
  return {
    text: [action.withLink, url],
    html: heading(action.title) + paragraph(escapeHtml(action.withLink)) + linkHtml(url),
  };
}

/** What else changed: per earlier change its plain words and its message, without links to act on. */
function earlierPart(earlier: readonly EarlierChange[] | undefined): Part | undefined {
  if (!earlier || earlier.length === 0) return undefined;
  const text: string[] = [`${t.earlierHeading}:`];
  const html: string[] = [heading(t.earlierHeading)];
  for (const change of earlier) {
    const line = `${publicStatusLabel(change.status)}: ${t.intro[change.status]}`;
    text.push(`- ${line}`);
    html.push(paragraph(escapeHtml(line)));
    const message = messagePart(change.status, change.publicMessage, change.messageBy);
    if (message) {
      text.push(...message.text);
      html.push(message.html);
    }
  }
  return { text, html: html.join('\n') };
}

/**
 * Terugkoppeling on a public status change: the new status in plain words, the officer's message, what
 * the melder can do now, and the status link. Nothing that places the melding more precisely than the
 * street.
 */
export function renderStatusGewijzigd(input: StatusGewijzigdInput): RenderedMail {
  const subject = t.subject(input.reference, input.status);
  const statusUrl = input.statusUrl === undefined ? undefined : assertHttpUrl(input.statusUrl);
  const rows: [string, string][] = [
    [mailTexts.summary.referenceLabel, input.reference],
    [mailTexts.summary.categoryLabel, input.categoryLabel],
  ];
  if (input.street) rows.push([mailTexts.summary.streetLabel, input.street]);
  rows.push([mailTexts.summary.statusLabel, input.statusLabel ?? publicStatusLabel(input.status)]);

  const intro = t.intro[input.status];
  const parts = [
    messagePart(input.status, input.publicMessage, input.messageBy),
    actionPart(input),
    earlierPart(input.earlier),
    summaryPart(rows),
    statusLinkPart(statusUrl),
  ].filter((p): p is Part => p !== undefined);
  const closing = closingPart(input.reference);

  const text = [
    mailTexts.greeting,
    '',
    intro,
    '',
    ...parts.flatMap((p) => [...p.text, '']),
    ...closing.text,
  ].join('\n');
  const html = htmlLayout(
    subject,
    [
      paragraph(escapeHtml(mailTexts.greeting)),
      paragraph(escapeHtml(intro)),
      ...parts.map((p) => p.html),
      closing.html,
    ].join('\n'),
  );
  return { subject, text, html };
}
