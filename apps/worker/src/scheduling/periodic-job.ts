import type { Db } from '@buurtsignaal/db';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';

/** What every periodic task of the worker runs with: the database, the Redis connections and the clock. */
export interface PeriodicContext {
  db: Db;
  producer: Redis;
  consumer: Redis;
  prefix: string;
  now: () => Date;
  logger: Logger;
  onError: (err: Error) => void;
}

export interface PeriodicJobOptions {
  /** Queue of its own (no ':'); also the name in log lines. */
  queueName: string;
  /** The BullMQ job scheduler id: one schedule however many workers run. */
  schedulerId: string;
  /** Name of each run's job. */
  jobName: string;
  everyMs: number;
  /** One run; must be idempotent (a run may be repeated after a crash). */
  run: () => Promise<unknown>;
  producer: Redis;
  consumer: Redis;
  prefix: string;
  logger: Logger;
  onError: (err: Error) => void;
}

export interface PeriodicJob {
  close(force?: boolean): Promise<void>;
}

/**
 * A periodic task as a BullMQ job scheduler (hotspot detection, reconciliation): one schedule however
 * many workers run (the scheduler id is the key), and one worker takes each run. Redis may be down at
 * start-up (the producer connection fails fast): the schedule is set as soon as it is back.
 */
export async function startPeriodicJob(opts: PeriodicJobOptions): Promise<PeriodicJob> {
  const queue = new Queue(opts.queueName, {
    connection: opts.producer,
    prefix: opts.prefix,
    skipWaitingForReady: true,
    skipVersionCheck: true,
  });
  queue.on('error', opts.onError);
  const worker = new Worker(opts.queueName, () => opts.run(), {
    connection: opts.consumer,
    prefix: opts.prefix,
    concurrency: 1,
  });
  worker.on('error', opts.onError);
  worker.on('failed', (_job, err) =>
    opts.logger.warn({ queue: opts.queueName, err: errorText(err) }, 'periodic job failed'),
  );
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = async (attempt: number): Promise<void> => {
    try {
      await queue.upsertJobScheduler(
        opts.schedulerId,
        { every: opts.everyMs },
        { name: opts.jobName, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    } catch (err) {
      if (closed) return;
      if (attempt === 0)
        opts.logger.warn({ queue: opts.queueName, err: errorText(err) }, 'not scheduled yet');
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
