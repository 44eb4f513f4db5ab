import { type Job, type JobsOptions, Queue, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobPayloads, type QueueName, type RosterJob, rosterQueueName } from './queues.ts';

export interface ProducerQueueOptions {
  /** A 'producer' connection (createRedisConnection): add() fails fast while Redis is down. */
  connection: Redis;
  /** Key prefix of every queue of this installation (REDIS_KEY_PREFIX). */
  prefix: string;
  defaultJobOptions?: JobsOptions;
}

function queueOptions(opts: ProducerQueueOptions) {
  return {
    connection: opts.connection,
    prefix: opts.prefix,
    // Both skips keep a queue usable when it is created while Redis is down: otherwise its start-up
    // INFO fails once and every later add() rejects, even after Redis is back.
    skipWaitingForReady: true,
    skipVersionCheck: true,
    ...(opts.defaultJobOptions ? { defaultJobOptions: opts.defaultJobOptions } : {}),
  };
}

/** A queue whose add() only accepts the payload of that queue (see JobPayloads). */
export function createQueue<N extends QueueName>(name: N, opts: ProducerQueueOptions): Queue<JobPayloads[N]> {
  return new Queue<JobPayloads[N]>(name, queueOptions(opts));
}

export function createRosterQueue(teamId: string, opts: ProducerQueueOptions): Queue<RosterJob> {
  return new Queue<RosterJob>(rosterQueueName(teamId), queueOptions(opts));
}

export interface ConsumerOptions extends Omit<WorkerOptions, 'connection' | 'prefix'> {
  /** A 'worker' connection (maxRetriesPerRequest: null); BullMQ duplicates it for its own use. */
  connection: Redis;
  prefix: string;
}

/** A worker whose processor receives the payload type of its queue. */
export function createWorker<N extends QueueName>(
  name: N,
  /** `token` is the job's lock token (for job.moveToDelayed and the like). */
  processor: (job: Job<JobPayloads[N]>, token?: string) => Promise<unknown>,
  opts: ConsumerOptions,
): Worker<JobPayloads[N]> {
  return new Worker<JobPayloads[N]>(name, processor, opts);
}

/** A worker of one team's roster queue (`roster-<teamId>`): first dispatches and their later steps. */
export function createRosterWorker(
  teamId: string,
  processor: (job: Job<RosterJob>, token?: string) => Promise<unknown>,
  opts: ConsumerOptions,
): Worker<RosterJob> {
  return new Worker<RosterJob>(rosterQueueName(teamId), processor, opts);
}
