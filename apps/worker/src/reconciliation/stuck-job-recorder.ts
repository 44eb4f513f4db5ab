import type { Db } from '@buurtsignaal/db';
import { markWorkStuck, type StuckWork } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { type NotificationJob, type RoutingJob, workKeys } from '@buurtsignaal/jobs';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';

const eventOfKey = /^(?:ontvangen|status)-(\d+)$/;

/** The work a routing or notification job does, as stuck_jobs names it. */
export function workOfJob(
  queue: 'routing' | 'notifications',
  data: RoutingJob | NotificationJob,
): StuckWork | undefined {
  if (queue === 'routing') {
    const job = data as RoutingJob;
    return {
      workKey: workKeys.routing(job.statusEventId),
      kind: 'routing',
      meldingId: job.meldingId,
      statusEventId: job.statusEventId,
    };
  }
  const job = data as NotificationJob;
  const statusEventId =
    job.template === 'status_gewijzigd'
      ? job.statusEventId
      : Number(eventOfKey.exec(job.notificationKey)?.[1]);
  if (!Number.isSafeInteger(statusEventId)) return undefined;
  return {
    workKey: workKeys.notification(job.notificationKey),
    kind: 'notification',
    meldingId: job.meldingId,
    statusEventId,
    notificationKey: job.notificationKey,
    template: job.template,
  };
}

/**
 * A job that ended in BullMQ's failed set (retries exhausted, or unrecoverable) becomes a stuck_jobs
 * row at once, so the admin sees it in the console — not only Redis. Retries in between are not final
 * (`finishedOn` is set only when BullMQ gives up). Never throws: this runs in an event handler.
 */
export async function recordFailedJob(
  deps: { db: Db; now: () => Date; logger: Logger },
  queue: 'routing' | 'notifications',
  job: Job<RoutingJob | NotificationJob> | undefined,
  err: Error,
): Promise<void> {
  if (!job?.finishedOn) return;
  const work = workOfJob(queue, job.data);
  if (!work) return;
  try {
    const written = await markWorkStuck(deps.db, work, {
      at: deps.now(),
      error: `${job.id ?? ''}: ${errorText(err)}`.slice(0, 500),
    });
    if (written)
      deps.logger.error({ queue, jobId: job.id, workKey: work.workKey }, 'job failed for good: stuck');
  } catch (e) {
    // The reconciliation finds the work again from the database.
    deps.logger.warn({ queue, jobId: job.id, err: errorText(e) }, 'could not record a failed job');
  }
}
