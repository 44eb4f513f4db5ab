import pg from 'pg';

export interface PgListenerOptions {
  connectionString: string;
  channel: string;
  onNotify: (payload: string) => void;
  /**
   * Called each time LISTEN is in place again after the connection dropped (not after the first
   * connect). NOTIFYs sent while it was down are lost, so the caller catches up here (the relay sweeps).
   */
  onReconnect?: (() => void) | undefined;
  /** Every connection error of the listener (for logging; carries no personal data). */
  onError?: ((err: Error) => void) | undefined;
  /** Delay before reconnect attempt n: base · 2^(n-1), capped. */
  backoff?: { baseMs: number; maxMs: number } | undefined;
}

export interface PgListener {
  /** Whether LISTEN is in place right now. */
  readonly listening: boolean;
  /** Times LISTEN was re-established after a drop. */
  readonly reconnects: number;
  close(): Promise<void>;
}

/**
 * A dedicated connection that LISTENs on one channel and comes back after a drop: on a connection
 * error or an unexpected end it reconnects with backoff, LISTENs again and calls `onReconnect`. The
 * first connect must succeed (resolves once LISTEN is in place, rejects otherwise): a process that
 * starts without its database should fail its start-up, not wait silently.
 */
export async function startPgListener(opts: PgListenerOptions): Promise<PgListener> {
  const backoff = opts.backoff ?? { baseMs: 100, maxMs: 5_000 };
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let reconnects = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: opts.connectionString,
      // A peer that vanished without a FIN/RST (a cut network) is noticed by TCP keepalive.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
    });
    // Attached before connect() and kept for the client's life: an 'error' without a listener
    // would be thrown and end the process.
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, undefined));
    c.on('notification', (msg) => {
      if (msg.channel === opts.channel) opts.onNotify(msg.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(opts.channel)}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    // From here on its loss counts; a failure while connecting is the caller's to handle.
    client = c;
    listening = true;
  }

  function lost(c: pg.Client, err: Error | undefined): void {
    if (err) opts.onError?.(err);
    // Only the current client's loss counts (an old one may report its end late), and only once.
    if (client !== c || closed) return;
    client = undefined;
    listening = false;
    c.end().catch(() => {});
    schedule();
  }

  function schedule(): void {
    if (closed || timer) return;
    failures++;
    const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (failures - 1));
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          if (closed) return;
          failures = 0;
          reconnects++;
          try {
            opts.onReconnect?.();
          } catch (err) {
            opts.onError?.(err instanceof Error ? err : new Error(String(err)));
          }
        },
        (err: unknown) => {
          opts.onError?.(err instanceof Error ? err : new Error(String(err)));
          schedule();
        },
      );
    }, delay);
  }

  await connect();
  return {
    get listening() {
      return listening;
    },
    get reconnects() {
      return reconnects;
    },
    async close() {
      closed = true;
      listening = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
