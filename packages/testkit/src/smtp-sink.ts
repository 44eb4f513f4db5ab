import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the sink answers to the next message: accept it, or refuse it with an SMTP code. */
export type SmtpBehaviour = 'accept' | { code: number; message?: string };

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server in-process. Answers follow the queued behaviours (one per message), then
 * `defaultBehaviour`.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly refused: { code: number; envelopeTo: string[] }[] = [];
  private readonly queue: SmtpBehaviour[] = [];
  defaultBehaviour: SmtpBehaviour = 'accept';
  /** A slow relay: each accepted message is answered (and counted) this much later. */
  acceptDelayMs = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (!sink) return callback(new Error('sink not ready'));
          sink.handle(
            Buffer.concat(chunks),
            session.envelope.rcptTo.map((r) => r.address),
            callback,
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    // A client that dies in the middle of a conversation (a worker killed with SIGKILL) resets its
    // connection; for a sink that is nothing to report, and without a listener it would be thrown.
    server.on('error', () => {});
    const address = server.server.address();
    if (!address || typeof address !== 'object') throw new Error('smtp sink has no port');
    sink = new SmtpSink(server, address.port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Queue answers for the next messages, e.g. `next({ code: 451 }, 'accept')`. */
  next(...behaviours: SmtpBehaviour[]): void {
    this.queue.push(...behaviours);
  }

  private handle(raw: Buffer, envelopeTo: string[], callback: (err?: Error | null) => void): void {
    const behaviour = this.queue.shift() ?? this.defaultBehaviour;
    if (behaviour !== 'accept') {
      this.refused.push({ code: behaviour.code, envelopeTo });
      const err = Object.assign(new Error(behaviour.message ?? `refused with ${behaviour.code}`), {
        responseCode: behaviour.code,
      });
      callback(err);
      return;
    }
    const parsing = simpleParser(raw);
    const answered = this.acceptDelayMs > 0 ? delay(this.acceptDelayMs).then(() => parsing) : parsing;
    void answered.then((parsed) => {
      this.received.push({ envelopeTo, parsed, raw: raw.toString('utf8') });
      callback();
      this.waiters = this.waiters.filter((w) => {
        if (this.received.length >= w.count) w.resolve();
        return this.received.length < w.count;
      });
    }, callback);
  }

  /** Resolves once `count` messages have been accepted, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    if (this.received.length >= count) return this.received;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} mails, got ${this.received.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
    return this.received;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
