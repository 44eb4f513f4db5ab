import { failUnsentNotices } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { markDispatchStuck } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import {
  type ConsumerOptions,
  createRosterWorker,
  type DispatchStepJob,
  type RosterJob,
  workKeys,
} from '@buurtsignaal/jobs';
import type { Job } from 'bullmq';
import { errorText } from '../log-safety.ts';
import type { ProducerQueues } from '../queues.ts';
import { type DispatchDeps, type DispatchOutcome, runDispatchStep } from './dispatch-service.ts';
import { type DispatchWorkerPool, startDispatchWorkerPool } from './team-watcher.ts';

/** Take-overs of a dispatch job whose worker died before it fails (WORKER_MAX_STALLED_COUNT if higher). */
export const DISPATCH_MIN_STALLED_COUNT = 3;

/** The job name of a later step (pick-up check, shift start); routing's first dispatch is 'assignment'. */
export const dispatchStepJobName = 'dispatch-step';

const stepOf = (job: Job<RosterJob>): number =>
  job.name === dispatchStepJobName ? (job.data as DispatchStepJob).step : 0;

export function createDispatchProcessor(
  deps: DispatchDeps,
): (job: Job<RosterJob>) => Promise<DispatchOutcome> {
  // attemptsMade counts the attempts that failed before this one.
  const isLast = (job: Job<RosterJob>) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  return (job) => runDispatchStep(deps, { ...job.data, step: stepOf(job) }, isLast(job));
}

/**
 * A dispatch job that failed for good: its unsent notices become 'failed' (the escalation goes on, its
 * check was scheduled before the mails) and the step is a stuck_jobs row, for the admin to see and retry.
 */
export async function recordFailedDispatch(
  deps: Pick<DispatchDeps, 'db' | 'now' | 'logger'>,
  job: Job<RosterJob> | undefined,
  err: Error,
): Promise<void> {
  if (!job) return;
  const final = job.attemptsMade >= (job.opts.attempts ?? 1);
  deps.logger.error(
    { queue: job.queueName, jobId: job.id, attemptsMade: job.attemptsMade, final, err: errorText(err) },
    'dispatch job failed',
  );
  if (!final) return;
  try {
    const q = { assignmentId: job.data.assignmentId, step: stepOf(job), at: deps.now() };
    await failUnsentNotices(deps.db, q);
    const workKey = workKeys.dispatch(q.assignmentId, q.step);
    const error = `${job.id ?? ''}: ${errorText(err)}`;
    await markDispatchStuck(deps.db, { workKey, assignmentId: q.assignmentId }, { at: q.at, error });
  } catch (e) {
    deps.logger.error({ jobId: job.id, err: errorText(e) }, 'could not mark unsent dispatch notices failed');
  }
}

/** A later step as a delayed job on the team's roster queue (BullMQ's delay is real time from now()). */
export function scheduleOn(queues: ProducerQueues, now: () => Date): DispatchDeps['schedule'] {
  return async (job, at, jobId) => {
    const delay = Math.max(0, at.getTime() - now().getTime());
    await queues.roster(job.teamId).add(dispatchStepJobName, job, { jobId, delay });
  };
}

export interface DispatchWorkersOptions extends Omit<DispatchDeps, 'schedule'> {
  queues: ProducerQueues;
  consumerOptions: ConsumerOptions;
  onRedisError: (role: string) => (err: Error) => void;
  /** How often teams made later are looked for (team-watcher.ts); default 30 s. */
  teamWatchEveryMs?: number | undefined;
}

/** One worker per team's roster queue: the teams there are now, and every team made later (team-watcher.ts). */
export async function startDispatchWorkers(opts: DispatchWorkersOptions): Promise<DispatchWorkerPool> {
  const { queues, consumerOptions, onRedisError, teamWatchEveryMs, ...deps } = opts;
  const processor = createDispatchProcessor({ ...deps, schedule: scheduleOn(queues, deps.now) });
  // A dispatch step is idempotent and nothing reconciles it: a job whose worker died is taken over a few
  // times (two crashes in a row included) before BullMQ fails it into stuck_jobs.
  const options = {
    ...consumerOptions,
    maxStalledCount: Math.max(consumerOptions.maxStalledCount ?? 1, DISPATCH_MIN_STALLED_COUNT),
  };
  return startDispatchWorkerPool({
    db: deps.db,
    logger: deps.logger,
    everyMs: teamWatchEveryMs ?? 30_000,
    createFor: (teamId) => {
      const worker = createRosterWorker(teamId, processor, options);
      worker.on('error', onRedisError(`worker roster-${teamId}`));
      worker.on('failed', (job, err) => void recordFailedDispatch(deps, job, err));
      return worker;
    },
  });
}
