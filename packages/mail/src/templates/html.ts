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
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<div style="max-width:600px;margin:0 auto">
${body}
</div>
</body>
</html>
`;
}

export function paragraph(escapedHtml: string): string {
  return `<p style="margin:0 0 16px">${escapedHtml}</p>`;
}

export function heading(text: string): string {
  return `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(text)}</h2>`;
}
