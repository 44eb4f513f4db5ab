import { escapeHtml } from './html.ts';

// A zero-width space: invisible, but not a character that a link detector accepts inside a scheme or a
// host name. The usual way to keep Gmail, Outlook and iOS Mail from turning text into a link.
const noLinkBreak = '&#8203;';
const linkSeparator = /(?<=[\p{L}\p{N}_-])([:/.@])(?=\S)/gu;

/** Trimmed, with Windows and old-Mac line ends as \n; runs of empty lines become one. */
export function normalizeMessage(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The officer's public message as HTML: every character escaped, line breaks kept as <br>, and never a
 * link — not from us (no <a>), and as far as we can help it not from the mail client either: a
 * zero-width space after every ':', '/', '.' and '@' that stands between a letter or digit and more text
 * breaks what looks like a URL or an address ("https://evil.example" still reads the same but is no
 * longer detected as a link; ordinary sentences are left alone).
 */
export function publicMessageHtml(message: string): string {
  return normalizeMessage(message)
    .split('\n')
    .map((line) => escapeHtml(line).replace(linkSeparator, `$1${noLinkBreak}`))
    .join('<br>\n');
}
