import nodemailer, { type Transporter } from 'nodemailer';
import { devMailboxTransport } from './dev-mailbox.ts';

/** What the apps hold to send mail: SMTP in production, the dev mailbox in the embedded default. */
export type Mailer = Transporter;

export interface MailTransportOptions {
  /** e.g. `smtp://relay.example.nl:587` or `smtps://user:pass@host:465`. */
  smtpUrl?: string | undefined;
  /** Used when no `smtpUrl` is given: each mail becomes a JSON file here (see readDevMailbox). */
  devMailboxDir?: string | undefined;
}

export function createMailTransport(options: MailTransportOptions): Mailer {
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
    }
    return nodemailer.createTransport({
      url: options.smtpUrl,
      // Connections are kept and reused (a few at a time) rather than opened, greeted and closed for
      // every mail; a connection the relay dropped is replaced. close() ends them.
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      // Bounded waits: a relay that hangs must turn into a retry, not a job stuck until its lock expires.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[0]) as Mailer;
  }
  if (!options.devMailboxDir) throw new Error('createMailTransport needs smtpUrl or devMailboxDir');
  return nodemailer.createTransport(devMailboxTransport(options.devMailboxDir)) as Mailer;
}
