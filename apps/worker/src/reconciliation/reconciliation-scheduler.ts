import type { ProducerQueues } from '../queues.ts';
import { type PeriodicContext, type PeriodicJob, startPeriodicJob } from '../scheduling/periodic-job.ts';
import { type ReconcileSettings, reconcileOnce } from './reconciliation.ts';

export const RECONCILE_QUEUE = 'reconciliation';
export const RECONCILE_SCHEDULER_ID = 'reconciliation';

export interface ReconciliationSchedulerOptions extends PeriodicContext {
  queues: ProducerQueues;
  settings: ReconcileSettings;
}

/** Reconciliation every `settings.everyMs`, one pass at a time across all workers. */
export function startReconciliationScheduler(opts: ReconciliationSchedulerOptions): Promise<PeriodicJob> {
  return startPeriodicJob({
    queueName: RECONCILE_QUEUE,
    schedulerId: RECONCILE_SCHEDULER_ID,
    jobName: 'reconcile',
    everyMs: opts.settings.everyMs,
    ...opts,
    run: () =>
      reconcileOnce({
        db: opts.db,
        queues: opts.queues,
        now: opts.now,
        logger: opts.logger,
        settings: opts.settings,
      }),
  });
}
