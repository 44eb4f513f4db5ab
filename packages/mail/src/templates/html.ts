import { mailStyles } from './mail-styles.ts';

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every interpolated value goes through this: category labels and streets come from residents' input. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/**
 * A deliberately plain layout: mail clients strip most CSS, and the text must stay readable when
 * images and styles are blocked. `body` must already be escaped HTML.
 */
export function htmlLayout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="${mailStyles.body}">
<div style="${mailStyles.container}">
${body}
</div>
</body>
</html>
`;
}

export function paragraph(escapedHtml: string): string {
  return `<p style="${mailStyles.paragraph}">${escapedHtml}</p>`;
}

export function heading(text: string): string {
  return `<h2 style="${mailStyles.heading}">${escapeHtml(text)}</h2>`;
}
