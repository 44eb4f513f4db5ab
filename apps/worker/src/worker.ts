import { defaultPickupMinutes } from '@buurtsignaal/core';
import { createConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { createRedisConnection, createWorker, type QueueName } from '@buurtsignaal/jobs';
import type { Worker } from 'bullmq';
import { pino } from 'pino';
import { defaultDispatchSettings } from './dispatch/dispatch-settings.ts';
import { startDispatchWorkers } from './dispatch/dispatch-worker.ts';
import { startIdleSweepScheduler } from './dispatch/idle-sweep.ts';
import { startGeocodingWorker } from './geocoding/geocoding-worker.ts';
import { DEFAULT_DETECT_EVERY_MS, startHotspotScheduler } from './hotspots/hotspot-scheduler.ts';
import { jobLockDefaults } from './job-locks.ts';
import { errorText, throttledWarn } from './log-safety.ts';
import { createNotificationProcessor } from './notifications/notification-worker.ts';
import { publishOutboxRow } from './outbox/outbox-jobs.ts';
import { createOutboxRelay } from './outbox/outbox-relay.ts';
import { createProducerQueues, defaultRetry, jobIds } from './queues.ts';
import { defaultReconcile } from './reconciliation/reconciliation.ts';
import { startReconciliationScheduler } from './reconciliation/reconciliation-scheduler.ts';
import { recordFailedJob } from './reconciliation/stuck-job-recorder.ts';
import { redisAnswers, waitForReady } from './redis-readiness.ts';
import {
  DEFAULT_SHIFT_GENERATION_EVERY_MS,
  startShiftGenerationScheduler,
} from './roster/shift-generation-scheduler.ts';
import { createRoutingProcessor } from './routing/routing-worker.ts';
import type { PeriodicContext } from './scheduling/periodic-job.ts';
import {
  DEFAULT_STAFF_EVENTS_PRUNE_EVERY_MS,
  DEFAULT_STAFF_EVENTS_RETENTION_MS,
  startStaffEventsPruneScheduler,
} from './staff-events/staff-events-prune-scheduler.ts';
import { withTimeout } from './with-timeout.ts';
import type { WorkerDeps } from './worker-deps.ts';

export type { WorkerDeps } from './worker-deps.ts';

export interface RunningWorker {
  /** Stops taking work, lets running jobs finish, closes this worker's Redis connections. */
  close(): Promise<void>;
  /** The job workers run (not closing, not stopped): for the health endpoint (health/health-server.ts). */
  isRunning(): boolean;
  /** Redis answers this worker's producer connection within a second. */
  redisAnswers(): Promise<boolean>;
}

/**
 * Starts the outbox relay and the routing and notification workers. The caller owns `database` and
 * `mailer` (and closes them after `close()`); the Redis connections are this worker's own.
 */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const logger = deps.logger ?? pino({ name: 'buurtsignaal-worker' });
  const now = deps.now ?? (() => new Date());
  const concurrency = deps.concurrency ?? 5;
  // How long a shutdown lets running jobs finish (the standalone server exits after 25 s in all).
  const closeTimeoutMs = 10_000;
  const warnRedis = throttledWarn(logger);
  const onRedisError = (role: string) => (err: Error) =>
    warnRedis({ role, err: errorText(err) }, 'redis error');

  // Producer: fails fast while Redis is down (the outbox keeps the work). Consumer: waits and retries.
  const producer = createRedisConnection({
    url: deps.redisUrl,
    role: 'producer',
    onError: onRedisError('producer'),
  });
  const consumer = createRedisConnection({
    url: deps.redisUrl,
    role: 'worker',
    onError: onRedisError('consumer'),
  });
  const queues = createProducerQueues({
    connection: producer,
    prefix: deps.prefix,
    retry: {
      routing: deps.retry?.routing ?? defaultRetry.routing,
      notifications: deps.retry?.notifications ?? defaultRetry.notifications,
    },
    geocoding: deps.geocoding ? (deps.geocoding.retry ?? defaultRetry.geocoding) : undefined,
    onError: onRedisError('queue'),
  });

  // Teams, rules, areas, rosters and staff in memory, versioned by the database (config-cache.ts).
  const config = createConfigCache();
  const locks = { ...jobLockDefaults, ...deps.jobLocks };
  const consumerOptions = {
    connection: consumer,
    prefix: deps.prefix,
    concurrency,
    lockDuration: locks.lockDurationMs,
    stalledInterval: locks.stalledIntervalMs,
    maxStalledCount: locks.maxStalledCount,
  };
  const routingWorker = createWorker(
    'routing',
    createRoutingProcessor({
      db: deps.database.db,
      now,
      logger,
      config,
      ...(deps.grouping === undefined ? {} : { grouping: deps.grouping }),
      enqueueRoster: async (job) => {
        await queues.roster(job.teamId).add('assignment', job, { jobId: jobIds.roster(job.assignmentId) });
      },
    }),
    consumerOptions,
  );
  const notificationWorker = createWorker(
    'notifications',
    createNotificationProcessor({
      db: deps.database.db,
      mailer: deps.mailer,
      mailFrom: deps.mailFrom,
      publicBaseUrl: deps.publicBaseUrl.replace(/\/+$/, ''),
      statusLinkBox: deps.statusLinkBox,
      logger,
      sendLeaseMs: deps.mailSendLeaseMs,
      now,
      coalesceMs: deps.mailCoalesceMs,
      config,
    }),
    consumerOptions,
  );
  const workers: [Exclude<QueueName, 'geocoding'>, Worker][] = [
    ['routing', routingWorker as Worker],
    ['notifications', notificationWorker as Worker],
  ];
  const geocodingWorker = deps.geocoding
    ? startGeocodingWorker(
        { ...deps.geocoding, db: deps.database.db, now, logger },
        consumerOptions,
        onRedisError,
      )
    : undefined;
  const otherWorkers: Worker[] = geocodingWorker ? [geocodingWorker as Worker] : [];
  const dispatchWorkers = await startDispatchWorkers({
    db: deps.database.db,
    now,
    mailer: deps.mailer,
    mailFrom: deps.mailFrom,
    publicBaseUrl: deps.publicBaseUrl.replace(/\/+$/, ''),
    pickupMinutes: deps.pickupMinutes ?? defaultPickupMinutes,
    push: deps.push,
    config,
    ...(deps.mailSendLeaseMs === undefined ? {} : { sendLeaseMs: deps.mailSendLeaseMs }),
    teamWatchEveryMs: deps.dispatch?.teamWatchEveryMs,
    logger,
    queues,
    consumerOptions,
    onRedisError,
  });
  const failedRecords = new Set<Promise<void>>();
  for (const [queue, worker] of workers) {
    worker.on('error', onRedisError(`worker ${queue}`));
    worker.on('failed', (job, err) => {
      logger.warn(
        { queue, jobId: job?.id, attemptsMade: job?.attemptsMade, err: errorText(err) },
        'job failed',
      );
      const recorded = recordFailedJob({ db: deps.database.db, now, logger }, queue, job, err);
      failedRecords.add(recorded);
      void recorded.finally(() => failedRecords.delete(recorded));
    });
  }

  // A relay pass before the producer connection is up would fail every row and back it off.
  await waitForReady(producer, deps.redisReadyTimeoutMs ?? 5_000);
  const relay = createOutboxRelay({
    database: deps.database,
    publish: (row) => publishOutboxRow(queues, row),
    logger,
    now,
    sweepIntervalMs: deps.sweepIntervalMs ?? 5_000,
    ...(deps.outboxRetryBackoff ? { retryBackoff: deps.outboxRetryBackoff } : {}),
  });
  await relay.start();
  // The periodic tasks share the database, the connections and the clock; each reports its own errors.
  const periodic = (name: string): PeriodicContext => ({
    db: deps.database.db,
    producer,
    consumer,
    prefix: deps.prefix,
    now,
    logger,
    onError: onRedisError(name),
  });
  const hotspots = await startHotspotScheduler({
    ...periodic('hotspots'),
    everyMs: deps.hotspotDetectEveryMs ?? DEFAULT_DETECT_EVERY_MS,
  });
  const shifts = await startShiftGenerationScheduler({
    ...periodic('shift-generation'),
    everyMs: deps.shiftGenerationEveryMs ?? DEFAULT_SHIFT_GENERATION_EVERY_MS,
  });
  const dispatchSettings = { ...defaultDispatchSettings, ...deps.dispatch };
  const idleSweep = await startIdleSweepScheduler({
    ...periodic('dispatch-idle'),
    everyMs: dispatchSettings.idleSweepEveryMs,
    reminderMinutes: dispatchSettings.idleReminderMinutes,
    returnMinutes: dispatchSettings.idleReturnMinutes,
    mailer: deps.mailer,
    mailFrom: deps.mailFrom,
    publicBaseUrl: deps.publicBaseUrl.replace(/\/+$/, ''),
    sendLeaseMs: deps.mailSendLeaseMs,
  });
  const reconciliation = await startReconciliationScheduler({
    ...periodic('reconciliation'),
    queues,
    settings: { ...defaultReconcile, ...deps.reconcile },
  });
  const staffEventsPrune = await startStaffEventsPruneScheduler({
    ...periodic('staff-events-prune'),
    everyMs: deps.staffEventsPruneEveryMs ?? DEFAULT_STAFF_EVENTS_PRUNE_EVERY_MS,
    retentionMs: deps.staffEventsRetentionMs ?? DEFAULT_STAFF_EVENTS_RETENTION_MS,
  });
  logger.info({ prefix: deps.prefix, concurrency }, 'worker started');

  let closing: Promise<void> | undefined;
  return {
    isRunning: () =>
      closing === undefined &&
      workers.every(([, w]) => w.isRunning()) &&
      otherWorkers.every((w) => w.isRunning()) &&
      dispatchWorkers.isRunning(),
    redisAnswers: () => redisAnswers(producer, 1_000),
    close() {
      closing ??= (async () => {
        // Not forced while Redis is there: running jobs finish (results committed) before the
        // connections go. With Redis down, an unforced close waits for it forever (BullMQ's blocking
        // fetch sits in the offline queue); nothing could be acknowledged anyway, and jobs that were
        // running are taken over as stalled by the next worker.
        // Ask Redis rather than trust the connection state: right after Redis dies the client may not
        // have noticed yet, and an unforced close would then wait for it forever.
        const redisUp = await redisAnswers(producer, 1_000);
        if (!redisUp) logger.warn('redis unreachable at shutdown: closing workers without waiting for jobs');
        const closeAll = (force: boolean) =>
          Promise.all([
            ...workers.map(([, w]) => w.close(force)),
            ...otherWorkers.map((w) => w.close(force)),
            dispatchWorkers.close(force),
            hotspots.close(force),
            shifts.close(force),
            idleSweep.close(force),
            reconciliation.close(force),
            staffEventsPrune.close(force),
          ]);
        // Every step is bounded: a connection that is still reconnecting (Redis just came back, or is
        // going) can make a BullMQ or ioredis close wait for ever. What a step leaves is safe — a job it
        // did not finish is taken over as stalled, and the outbox and the reconciliation send it on.
        const bounded = async (what: string, ms: number, step: () => Promise<unknown>) => {
          try {
            await withTimeout(step(), ms, what);
          } catch (err) {
            logger.warn({ step: what, err: errorText(err) }, 'shutdown step did not finish; going on');
          }
        };
        await bounded('stopping the outbox relay', 3_000, () => relay.stop());
        await bounded('closing the job workers', closeTimeoutMs, () => closeAll(!redisUp));
        await bounded('recording failed jobs', 2_000, () => Promise.all(failedRecords));
        await bounded('closing the queues', 2_000, () => queues.close());
        await bounded('closing the redis connections', 2_000, () =>
          Promise.all([
            producer.quit().catch(() => producer.disconnect()),
            consumer.quit().catch(() => consumer.disconnect()),
          ]),
        );
        producer.disconnect();
        consumer.disconnect();
        logger.info('worker stopped');
      })();
      return closing;
    },
  };
}
