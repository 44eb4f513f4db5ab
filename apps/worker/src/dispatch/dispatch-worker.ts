import { listTeams } from '@buurtsignaal/db/tables/teams-repository';
import {
  type ConsumerOptions,
  createRosterWorker,
  type DispatchStepJob,
  type RosterJob,
} from '@buurtsignaal/jobs';
import type { Job, Worker } from 'bullmq';
import { errorText } from '../log-safety.ts';
import type { ProducerQueues } from '../queues.ts';
import { type DispatchDeps, type DispatchOutcome, runDispatchStep } from './dispatch-service.ts';

/** The job name of a later step (pick-up check, shift start); routing's first dispatch is 'assignment'. */
export const dispatchStepJobName = 'dispatch-step';

export function createDispatchProcessor(
  deps: DispatchDeps,
): (job: Job<RosterJob>) => Promise<DispatchOutcome> {
  return (job) => {
    const step = job.name === dispatchStepJobName ? (job.data as DispatchStepJob).step : 0;
    return runDispatchStep(deps, { ...job.data, step });
  };
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
}

/**
 * One worker per team's roster queue, for the teams there are at start-up (a team added later is
 * consumed after the next restart; its jobs wait in its queue until then).
 */
export async function startDispatchWorkers(
  opts: DispatchWorkersOptions,
): Promise<[string, Worker<RosterJob>][]> {
  const { queues, consumerOptions, onRedisError, ...deps } = opts;
  const processor = createDispatchProcessor({ ...deps, schedule: scheduleOn(queues, deps.now) });
  const teams = await listTeams(deps.db);
  return teams.map((t) => {
    const worker = createRosterWorker(t.id, processor, consumerOptions);
    worker.on('error', onRedisError(`worker roster-${t.id}`));
    worker.on('failed', (job, err) => {
      // Not a stuck_jobs record yet (its work keys name routing and notifications only): logged.
      deps.logger.error(
        { queue: `roster-${t.id}`, jobId: job?.id, err: errorText(err) },
        'dispatch job failed',
      );
    });
    return [t.id, worker];
  });
}
