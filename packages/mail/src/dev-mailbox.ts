import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transport } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message.js';

/** One mail as the dev mailbox keeps it (a JSON file per mail). */
export interface DevMail {
  id: string;
  to: string;
  subject: string;
  /** ISO 8601 */
  date: string;
  text: string;
  html: string;
}

export interface DevMailboxInfo {
  messageId: string;
  envelope: { from: string | false; to: string[] };
  accepted: string[];
  rejected: string[];
  response: string;
}

// File names sort by time, so the newest mail is found without parsing every file.
const idPattern = /^\d{13}-[0-9a-f]{8}$/;

type AddressLike = string | { address?: string; name?: string };

function formatAddresses(value: AddressLike | AddressLike[] | undefined): string {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((a) => (typeof a === 'string' ? a : (a.address ?? ''))).join(', ');
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : '';

/**
 * A nodemailer transport for the embedded default: instead of sending, it stores each mail as a JSON
 * file under `dir`, where the dev mailbox page reads it. It never fails on an address, like a
 * catch-all SMTP server would not.
 */
export function devMailboxTransport(dir: string): Transport<DevMailboxInfo> {
  return {
    name: 'buurtsignaal-dev-mailbox',
    version: '1.0.0',
    send(mail: MailMessage<DevMailboxInfo>, callback) {
      mail.normalize((normalizeError, data) => {
        if (normalizeError || !data) {
          callback(
            normalizeError ?? new Error('mail could not be read'),
            undefined as unknown as DevMailboxInfo,
          );
          return;
        }
        const envelope = mail.message.getEnvelope();
        const id = `${Date.now()}-${randomBytes(4).toString('hex')}`;
        const stored: DevMail = {
          id,
          to: formatAddresses(data.to as AddressLike | AddressLike[] | undefined),
          subject: data.subject ?? '',
          date: new Date().toISOString(),
          text: asText(data.text),
          html: asText(data.html),
        };
        mkdir(dir, { recursive: true })
          .then(() =>
            writeFile(join(dir, `${id}.json`), `${JSON.stringify(stored, null, 2)}\n`, { flag: 'wx' }),
          )
          .then(
            () =>
              callback(null, {
                messageId: mail.message.messageId(),
                envelope,
                accepted: envelope.to,
                rejected: [],
                response: `250 stored in dev mailbox as ${id}`,
              }),
            (err: Error) => callback(err, undefined as unknown as DevMailboxInfo),
          );
      });
    },
  };
}

/** The mails in the dev mailbox, newest first; a missing directory is an empty mailbox. */
export async function readDevMailbox(dir: string): Promise<DevMail[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ids = files
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((id) => idPattern.test(id))
    .sort()
    .reverse();
  const mails: DevMail[] = [];
  for (const id of ids) {
    const parsed = JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as Partial<DevMail>;
    mails.push({
      id,
      to: String(parsed.to ?? ''),
      subject: String(parsed.subject ?? ''),
      date: String(parsed.date ?? ''),
      text: String(parsed.text ?? ''),
      html: String(parsed.html ?? ''),
    });
  }
  return mails;
}
