import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/** The channel outbox relays LISTEN on. */
export const OUTBOX_CHANNEL = 'buurtsignaal_outbox';

/** Wakes the outbox relays. Call it after the transaction that wrote outbox rows has committed. */
export async function notifyOutbox(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
}

export interface OutboxNotifier {
  /** Asks for a NOTIFY soon; never throws, never waits. */
  poke(): void;
  /** Resolves when no NOTIFY is in flight (for tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * Why not a trigger on outbox INSERT: a transaction that NOTIFYs takes a database-wide lock from its
 * commit until it ends, so every intake would queue behind every other intake's commit (measured: 5.0k
 * → 3.6k meldingen/s on this machine's PostgreSQL). Instead the writer pokes this notifier after its
 * commit. Pokes are coalesced: at most one NOTIFY is in flight, and one starts at most every
 * `minIntervalMs` — a relay that wakes drains everything that is due, so a burst of meldingen costs a
 * handful of NOTIFYs instead of one query each. (At 2 ms instead of 20, `pnpm bench:dispatch` at 50/s
 * woke the relay and the hubs for every melding, and the machine, already saturated, got slower: the
 * relay's pass per melding costs more than the up to 20 ms a melding waits for its NOTIFY.) A lost wake-up (crash, dropped connection) only delays
 * the row until the relay's next sweep.
 */
export function createOutboxNotifier(db: DbOrTx, { minIntervalMs = 20 } = {}): OutboxNotifier {
  return createCoalescedNotifier(() => notifyOutbox(db), { minIntervalMs });
}

/** The coalescing of createOutboxNotifier for any NOTIFY (the staff events' one too). */
export function createCoalescedNotifier(
  notify: () => Promise<void>,
  { minIntervalMs = 20 } = {},
): OutboxNotifier {
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;

  function send(): void {
    timer = undefined;
    lastStart = Date.now();
    inFlight = notify()
      .catch(() => {})
      .finally(() => {
        inFlight = undefined;
      });
  }

  return {
    poke() {
      // One is already scheduled: it will see this row too, since it starts after this commit.
      if (timer) return;
      const wait = Math.max(0, lastStart + minIntervalMs - Date.now());
      if (wait === 0 && !inFlight) {
        send();
        return;
      }
      // A NOTIFY in flight may have been sent before this commit: schedule one more after it.
      timer = setTimeout(() => {
        if (inFlight) void inFlight.then(send);
        else send();
      }, wait);
    },
    async idle() {
      while (timer || inFlight) {
        if (inFlight) await inFlight;
        else await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}
