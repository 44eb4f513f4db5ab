import { type DatabaseClient, OUTBOX_CHANNEL } from '@buurtsignaal/db';
import {
  claimPendingOutbox,
  markOutboxRelayed,
  markOutboxRetry,
  msUntilNextOutboxDue,
  type PendingOutboxRow,
} from '@buurtsignaal/db/tables/outbox-repository';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';
import { withTimeout } from '../with-timeout.ts';
import { UnpublishableOutboxRow } from './outbox-jobs.ts';

export const outboxChannel = OUTBOX_CHANNEL;

export interface OutboxRelayOptions {
  database: DatabaseClient;
  publish: (row: PendingOutboxRow) => Promise<void>;
  logger: Logger;
  now: () => Date;
  sweepIntervalMs: number;
  /** Rows per transaction. */
  batchSize?: number;
  /**
   * Longest wait for Redis while the claiming transaction stays open. The producer connection fails
   * fast when Redis is down; this also bounds a Redis that accepts connections but does not answer.
   */
  publishTimeoutMs?: number;
  /** Delay before a row whose publishing failed is tried again: base · 2^(attempts-1), capped. */
  retryBackoff?: { baseMs: number; maxMs: number };
}

export interface OutboxRelay {
  start(): Promise<void>;
  /** Asks for a pass soon; passes never overlap within one relay. */
  wake(): void;
  /** Runs passes until nothing due is left (or publishing fails); resolves when done. */
  drain(): Promise<void>;
  stop(): Promise<void>;
  /** Rows this relay has published and marked, since start (for tests and metrics). */
  readonly relayedCount: number;
}

export function createOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const { database, logger } = opts;
  const batchSize = opts.batchSize ?? 100;
  const publishTimeoutMs = opts.publishTimeoutMs ?? 5_000;
  const backoff = opts.retryBackoff ?? { baseMs: 1_000, maxMs: 5 * 60_000 };
  let relayedCount = 0;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | undefined;

  const retryDelay = (attempts: number) =>
    Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));

  // Rows that failed are due again after their backoff; wake up for them then rather than waiting for
  // the next sweep (or NOTIFY), which may be far away.
  // One timer, for the soonest row: a sooner one replaces a later one.
  let retryAt = Number.POSITIVE_INFINITY;
  function wakeForRetry(delayMs: number): void {
    const at = Date.now() + delayMs + 10;
    if (stopped || (retryTimer && retryAt <= at)) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryAt = at;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      retryAt = Number.POSITIVE_INFINITY;
      wake();
    }, delayMs + 10);
  }

  /** One transaction: claim, publish, mark. Returns whether a full batch went through. */
  async function relayBatch(): Promise<boolean> {
    // Inside the transaction only `tx` is used: on PGlite (one connection) the outer db would deadlock.
    return database.db.transaction(async (tx) => {
      const rows = await claimPendingOutbox(tx, batchSize);
      if (rows.length === 0) return false;
      const results = await Promise.allSettled(
        rows.map((row) => withTimeout(opts.publish(row), publishTimeoutMs, `publishing outbox ${row.id}`)),
      );
      const relayed: number[] = [];
      const failures: { row: PendingOutboxRow; error: string; permanent: boolean }[] = [];
      results.forEach((result, i) => {
        const row = rows[i] as PendingOutboxRow;
        if (result.status === 'fulfilled') relayed.push(row.id);
        else {
          const permanent = result.reason instanceof UnpublishableOutboxRow;
          failures.push({ row, error: errorText(result.reason), permanent });
        }
      });
      await markOutboxRelayed(tx, relayed, opts.now());
      let soonest = Number.POSITIVE_INFINITY;
      for (const f of failures) {
        const delay = f.permanent ? backoff.maxMs : retryDelay(f.row.attempts + 1);
        soonest = Math.min(soonest, delay);
        await markOutboxRetry(tx, f.row, f.error, delay);
      }
      if (failures.length > 0) wakeForRetry(soonest);
      relayedCount += relayed.length;
      if (failures.length > 0) {
        logger.warn(
          { failed: failures.length, relayed: relayed.length, firstError: failures[0]?.error },
          'outbox rows not relayed; they stay pending and are retried',
        );
      }
      return failures.length === 0 && rows.length === batchSize;
    });
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await relayBatch())) {
          // a full batch went through: there may be more
        }
        // Rows still backing off that this pass could not take (not due yet; they may have failed in
        // an earlier pass than the rows just relayed): wake for the first of them, not at the sweep.
        const nextDue = stopped ? undefined : await msUntilNextOutboxDue(database.db);
        if (nextDue !== undefined) wakeForRetry(nextDue);
      } catch (err) {
        logger.warn({ err: errorText(err) }, 'outbox relay pass failed; the next sweep tries again');
      }
    } while (again && !stopped);
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = undefined;
    });
  }

  return {
    get relayedCount() {
      return relayedCount;
    },
    async start() {
      stopped = false;
      unlisten = await database.listen(outboxChannel, () => wake(), {
        // NOTIFYs sent while the LISTEN connection was down are lost: sweep once instead of waiting
        // for the next interval.
        onReconnect: () => {
          logger.info('outbox LISTEN re-established; sweeping');
          wake();
        },
      });
      timer = setInterval(wake, opts.sweepIntervalMs);
      // Rows written while no relay listened (or before this one started) wait for no one.
      wake();
    },
    wake,
    async drain() {
      wake();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (retryTimer) clearTimeout(retryTimer);
      timer = undefined;
      retryTimer = undefined;
      await unlisten?.().catch(() => {});
      unlisten = undefined;
      await running;
    },
  };
}
