import { fillSeededPatternMembers } from '@buurtsignaal/db/tables/seeded-pattern-members';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { type PeriodicContext, type PeriodicJob, startPeriodicJob } from '../scheduling/periodic-job.ts';

export const SHIFT_GENERATION_QUEUE = 'shift-generation';
/** The BullMQ job scheduler id (no ':' in ids). */
export const SHIFT_GENERATION_SCHEDULER_ID = 'shift-generation';
/** Hourly: the horizon moves on by a day a day, and an edit regenerates at once (the API calls the same). */
export const DEFAULT_SHIFT_GENERATION_EVERY_MS = 60 * 60_000;

export interface ShiftGenerationSchedulerOptions extends PeriodicContext {
  everyMs: number;
}

/**
 * Generates every team's shift instances six weeks ahead from its patterns and overrides
 * (db generateShiftInstancesAhead: idempotent, the past never rewritten).
 */
export function startShiftGenerationScheduler(opts: ShiftGenerationSchedulerOptions): Promise<PeriodicJob> {
  return startPeriodicJob({
    queueName: SHIFT_GENERATION_QUEUE,
    schedulerId: SHIFT_GENERATION_SCHEDULER_ID,
    jobName: 'generate',
    ...opts,
    run: async () => {
      const now = opts.now();
      // Accounts made after the seed (the embedded default's demo accounts) join its empty patterns.
      await fillSeededPatternMembers(opts.db, now);
      const results = await generateShiftInstancesAhead(opts.db, { now });
      const total = { added: 0, updated: 0, removed: 0, issues: 0 };
      for (const r of results) {
        total.added += r.added;
        total.updated += r.updated;
        total.removed += r.removed;
        total.issues += r.issues.length;
      }
      // Ids and counts only: override issues name dates and codes, never people.
      opts.logger.info({ teams: results.length, ...total }, 'shift instances generated');
      return total;
    },
  });
}
