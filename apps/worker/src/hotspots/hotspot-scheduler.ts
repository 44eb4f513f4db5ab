import type { Db } from '@buurtsignaal/db';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';
import { detectHotspots } from './hotspot-detection.ts';

export const HOTSPOT_QUEUE = 'hotspots';
/** The BullMQ job scheduler id (no ':' in ids). */
export const HOTSPOT_SCHEDULER_ID = 'hotspot-detection';
export const DEFAULT_DETECT_EVERY_MS = 5 * 60_000;

export interface HotspotSchedulerOptions {
  db: Db;
  producer: Redis;
  consumer: Redis;
  prefix: string;
  now: () => Date;
  logger: Logger;
  everyMs: number;
  onError: (err: Error) => void;
}

export interface HotspotScheduler {
  close(force?: boolean): Promise<void>;
}

/**
 * Periodic hotspot detection as a BullMQ job scheduler: one schedule however many workers run (the
 * scheduler id is the key), and one worker takes each run. Detection itself is idempotent.
 */
export async function startHotspotScheduler(opts: HotspotSchedulerOptions): Promise<HotspotScheduler> {
  const queue = new Queue(HOTSPOT_QUEUE, {
    connection: opts.producer,
    prefix: opts.prefix,
    skipWaitingForReady: true,
    skipVersionCheck: true,
  });
  queue.on('error', opts.onError);
  const worker = new Worker(
    HOTSPOT_QUEUE,
    async () => {
      const result = await detectHotspots(opts.db, opts.now());
      opts.logger.info(
        { rules: result.rules, created: result.created.length, ended: result.ended },
        'hotspot detection',
      );
      return { created: result.created.length, updated: result.updated, ended: result.ended };
    },
    { connection: opts.consumer, prefix: opts.prefix, concurrency: 1 },
  );
  worker.on('error', opts.onError);
  worker.on('failed', (_job, err) => opts.logger.warn({ err: errorText(err) }, 'hotspot detection failed'));
  // Redis may be down at start-up (the producer connection fails fast): keep trying until it is set.
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = async (attempt: number): Promise<void> => {
    try {
      await queue.upsertJobScheduler(
        HOTSPOT_SCHEDULER_ID,
        { every: opts.everyMs },
        { name: 'detect', opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    } catch (err) {
      if (closed) return;
      if (attempt === 0) opts.logger.warn({ err: errorText(err) }, 'hotspot detection not scheduled yet');
      retry = setTimeout(() => void schedule(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
    }
  };
  await schedule(0);
  return {
    async close(force = false) {
      closed = true;
      clearTimeout(retry);
      await worker.close(force);
      await queue.close();
    },
  };
}
