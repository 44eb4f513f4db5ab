import { createHash } from 'node:crypto';

/**
 * The Message-ID of one notification: the same on every attempt, so that a mail system that
 * de-duplicates on Message-ID drops the copy that at-least-once delivery can produce (a worker that
 * died after the relay accepted the mail but before the 'sent' was recorded sends it again).
 *
 * Derived from the notification key alone (`ontvangen-123`, `status-456`), which is unique within one
 * database. `scope` (the melding id) is mixed in, hashed, because keys start again from 1 in another
 * installation or after a database reset: a melder must never lose a new mail because an old one
 * carried the same id. The hash keeps the melding id itself out of the header.
 */
export function notificationMessageId(notificationKey: string, domain: string, scope = ''): string {
  if (!/^[A-Za-z0-9._-]+$/.test(notificationKey)) {
    throw new Error(`notification key not usable in a Message-ID: ${notificationKey}`);
  }
  const tag = createHash('sha256').update(`${scope}\n${notificationKey}`).digest('hex').slice(0, 16);
  return `<${notificationKey}.${tag}@${domain}>`;
}

/** The domain of the sender's address (`"Naam <noreply@soest.nl>"` → `soest.nl`), for Message-IDs. */
export function messageIdDomain(mailFrom: string, fallback = 'buurtsignaal.local'): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : fallback;
}
