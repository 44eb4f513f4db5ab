import { type PeriodicContext, type PeriodicJob, startPeriodicJob } from '../scheduling/periodic-job.ts';
import { detectHotspots } from './hotspot-detection.ts';

export const HOTSPOT_QUEUE = 'hotspots';
/** The BullMQ job scheduler id (no ':' in ids). */
export const HOTSPOT_SCHEDULER_ID = 'hotspot-detection';
export const DEFAULT_DETECT_EVERY_MS = 5 * 60_000;

export interface HotspotSchedulerOptions extends PeriodicContext {
  everyMs: number;
}

export type HotspotScheduler = PeriodicJob;

/** Periodic hotspot detection (scheduling/periodic-job.ts); detection itself is idempotent. */
export function startHotspotScheduler(opts: HotspotSchedulerOptions): Promise<HotspotScheduler> {
  return startPeriodicJob({
    queueName: HOTSPOT_QUEUE,
    schedulerId: HOTSPOT_SCHEDULER_ID,
    jobName: 'detect',
    ...opts,
    run: async () => {
      const result = await detectHotspots(opts.db, opts.now());
      opts.logger.info(
        { rules: result.rules, created: result.created.length, ended: result.ended },
        'hotspot detection',
      );
      return { created: result.created.length, updated: result.updated, ended: result.ended };
    },
  });
}
