import { escapeHtml, readDevMailbox } from '@buurtsignaal/mail';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';
import { devMailboxTexts } from '../texts/index.ts';
import { isLocalClient } from './local-client.ts';

// A file of its own, not a <style> element: the CSP allows styles from this server only.
const stylesheet = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc}
pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem}`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dev/mailbox.css"></head>
<body><main>${body}</main></body></html>`;

/**
 * It has no login and lists melders' addresses with their private status links: only for a browser on
 * this machine (HOST may open the embedded default to the network, e.g. to try the form on a phone).
 */
async function localOnly(request: FastifyRequest): Promise<void> {
  if (!isLocalClient(request)) throw new ApiError(403, 'DEV_MAILBOX_LOCAL_ONLY', devMailboxTexts.localOnly);
}

/**
 * The development mailbox of the embedded default: mails that would have gone out by SMTP, readable in
 * the browser. Registered only when no SMTP server is configured.
 */
export async function registerDevMailbox(app: FastifyInstance, mailboxDir: string): Promise<void> {
  const options = { schema: { hide: true }, onRequest: localOnly };
  app.get('/dev/mailbox.css', options, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').send(stylesheet),
  );
  app.get('/dev/mailbox', options, async (_req, reply) => {
    const mails = await readDevMailbox(mailboxDir);
    const rows = mails
      .map(
        (m) =>
          `<tr><td>${escapeHtml(new Date(m.date).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' }))}</td>` +
          `<td>${escapeHtml(m.to)}</td><td><a href="/dev/mailbox/${encodeURIComponent(m.id)}">${escapeHtml(m.subject)}</a></td></tr>`,
      )
      .join('');
    const body = `<h1>Ontwikkel-mailbox</h1>
<p>E-mails die Buurtsignaal zou versturen. Er is geen SMTP-server ingesteld (SMTP_URL), dus ze worden hier bewaard.</p>
${mails.length ? `<table><thead><tr><th>Datum</th><th>Aan</th><th>Onderwerp</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>Nog geen e-mails.</p>'}`;
    return reply.type('text/html; charset=utf-8').send(page('Ontwikkel-mailbox', body));
  });

  app.get<{ Params: { id: string } }>('/dev/mailbox/:id', options, async (req, reply) => {
    const mail = (await readDevMailbox(mailboxDir)).find((m) => m.id === req.params.id);
    if (!mail)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(page('Niet gevonden', '<p>Deze e-mail bestaat niet.</p>'));
    const body = `<p><a href="/dev/mailbox">← Alle e-mails</a></p><h1>${escapeHtml(mail.subject)}</h1>
<p>Aan: ${escapeHtml(mail.to)}</p><pre>${escapeHtml(mail.text)}</pre>`;
    return reply.type('text/html; charset=utf-8').send(page(mail.subject, body));
  });
}
