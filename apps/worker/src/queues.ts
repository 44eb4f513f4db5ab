import {
  createQueue,
  createRosterQueue,
  type GeocodingJob,
  type NotificationJob,
  type RosterJob,
  type RoutingJob,
} from '@buurtsignaal/jobs';
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** First retry after this delay, doubling each time (BullMQ exponential backoff). */
  backoffMs: number;
}

export const defaultRetry = {
  routing: { attempts: 10, backoffMs: 1_000 },
  // 8 tries from 1 s: the last one about two minutes after the first, enough for a greylisting relay.
  notifications: { attempts: 8, backoffMs: 1_000 },
  // 10 tries from 5 s: the last one about 40 minutes after the first (PDOK down for a while), then
  // "adres onbekend".
  geocoding: { attempts: 10, backoffMs: 5_000 },
} as const satisfies Record<string, RetryPolicy>;

// Completed jobs stay a week: a relay that re-adds a job it already added (crash between add() and
// marking the outbox row) then hits the existing job id instead of creating a duplicate.
const keepCompleted = { age: 7 * 24 * 3600, count: 10_000 };

function jobOptions(retry: RetryPolicy): JobsOptions {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: keepCompleted,
    // Failed jobs are kept for staff and operators: a mail that could not be sent must stay visible.
    removeOnFail: false,
  };
}

/** Deterministic job ids (no ':' — BullMQ's key separator): adding twice keeps one job. */
export const jobIds = {
  routing: (outboxId: number) => `routing-${outboxId}`,
  notification: (notificationKey: string) => `notify-${notificationKey}`,
  roster: (assignmentId: string) => `assignment-${assignmentId}`,
  /** The claim check of one dispatch step (step n + 1 after the notices of step n). */
  pickup: (assignmentId: string, step: number) => `pickup-${assignmentId}-${step}`,
  /** The first dispatch again when the next shift starts (no one on duty, not spoed). */
  shiftStart: (assignmentId: string, at: Date) => `shiftstart-${assignmentId}-${at.getTime()}`,
  /** Reconciliation's n-th re-send of one piece of work (workKeys). */
  reconcile: (workKey: string, attempt: number) => `reconcile-${workKey}-${attempt}`,
  /** An admin's retry, from the `job.retry` outbox row. */
  retry: (outboxId: number) => `retry-${outboxId}`,
  /** The one address lookup of a melding (adding it again keeps one job). */
  geocoding: (meldingId: string) => `geocode-${meldingId}`,
} as const;

export interface ProducerQueues {
  routing: Queue<RoutingJob>;
  notifications: Queue<NotificationJob>;
  /** Undefined when address lookups are off (no PDOK configured). */
  geocoding: Queue<GeocodingJob> | undefined;
  roster(teamId: string): Queue<RosterJob>;
  close(): Promise<void>;
}

export function createProducerQueues(opts: {
  connection: Redis;
  prefix: string;
  retry: { routing: RetryPolicy; notifications: RetryPolicy };
  /** The retry policy of address lookups; undefined: lookups are off. */
  geocoding?: RetryPolicy | undefined;
  onError: (err: Error) => void;
}): ProducerQueues {
  const base = { connection: opts.connection, prefix: opts.prefix };
  const routing = createQueue('routing', { ...base, defaultJobOptions: jobOptions(opts.retry.routing) });
  const notifications = createQueue('notifications', {
    ...base,
    defaultJobOptions: jobOptions(opts.retry.notifications),
  });
  const geocoding = opts.geocoding
    ? createQueue('geocoding', { ...base, defaultJobOptions: jobOptions(opts.geocoding) })
    : undefined;
  const rosters = new Map<string, Queue<RosterJob>>();
  const all = (): Queue[] =>
    [routing, notifications, ...(geocoding ? [geocoding] : []), ...rosters.values()] as Queue[];
  for (const q of all()) q.on('error', opts.onError);
  return {
    routing,
    notifications,
    geocoding,
    roster(teamId) {
      let queue = rosters.get(teamId);
      if (!queue) {
        queue = createRosterQueue(teamId, { ...base, defaultJobOptions: jobOptions(defaultRetry.routing) });
        queue.on('error', opts.onError);
        rosters.set(teamId, queue);
      }
      return queue;
    },
    async close() {
      await Promise.all(all().map((q) => q.close()));
    },
  };
}
