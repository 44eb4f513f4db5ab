import { pruneStaffEventsBefore } from '@buurtsignaal/db/tables/staff-events-repository';
import { type PeriodicContext, type PeriodicJob, startPeriodicJob } from '../scheduling/periodic-job.ts';

export const STAFF_EVENTS_PRUNE_QUEUE = 'staff-events-prune';
/** The BullMQ job scheduler id (no ':' in ids). */
export const STAFF_EVENTS_PRUNE_SCHEDULER_ID = 'staff-events-prune';
/** Hourly: each run deletes about an hour of events. */
export const DEFAULT_STAFF_EVENTS_PRUNE_EVERY_MS = 60 * 60_000;
/** STAFF_EVENTS_RETENTION_HOURS' default: a console away for a long weekend is still replayed. */
export const DEFAULT_STAFF_EVENTS_RETENTION_MS = 72 * 3600_000;
const BATCH_SIZE = 5_000;

export interface StaffEventsPruneOptions extends PeriodicContext {
  everyMs: number;
  /** Events older than this (by the worker's clock) are deleted. */
  retentionMs: number;
}

/**
 * The live console's event log (staff_events) is only there for consoles that reconnect and are
 * replayed what they missed: what is older than the retention goes (idempotent; a repeated run finds
 * nothing more to delete).
 */
export function startStaffEventsPruneScheduler(opts: StaffEventsPruneOptions): Promise<PeriodicJob> {
  return startPeriodicJob({
    queueName: STAFF_EVENTS_PRUNE_QUEUE,
    schedulerId: STAFF_EVENTS_PRUNE_SCHEDULER_ID,
    jobName: 'prune',
    ...opts,
    run: async () => {
      const before = new Date(opts.now().getTime() - opts.retentionMs);
      const deleted = await pruneStaffEventsBefore(opts.db, { before, batchSize: BATCH_SIZE });
      if (deleted > 0) opts.logger.info({ deleted, before }, 'staff events pruned');
      return { deleted };
    },
  });
}
