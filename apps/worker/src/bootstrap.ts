import { createDatabase, SecretBox, seedReferenceData } from '@buurtsignaal/db';
import { assertNoEviction, createRedisConnection } from '@buurtsignaal/jobs';
import { createMailTransport } from '@buurtsignaal/mail';
import type { Redis } from 'ioredis';
import { type Logger, pino } from 'pino';
import type { WorkerConfig } from './config.ts';
import { type HealthServer, startHealthServer } from './health/health-server.ts';
import { errorText, throttledWarn } from './log-safety.ts';
import { type RunningWorker, startWorker } from './worker.ts';

async function waitForReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis is not reachable (waited ${timeoutMs} ms)`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/**
 * Refuses to run on a Redis that may evict keys (BullMQ would lose jobs silently) or that is not
 * there at all; an orchestrator restarts us until it is.
 */
export async function checkRedis(redisUrl: string, timeoutMs = 10_000): Promise<void> {
  const probe = createRedisConnection({ url: redisUrl, role: 'producer' });
  try {
    await waitForReady(probe, timeoutMs);
    await assertNoEviction(probe);
  } finally {
    probe.disconnect();
  }
}

/** The standalone worker process: everything from the config, owned and closed here. */
export interface WorkerServer {
  /** The port the health endpoint listens on (undefined: WORKER_HEALTH_PORT=off). */
  healthPort: number | undefined;
  close(): Promise<void>;
}

export async function startWorkerServer(config: WorkerConfig, logger?: Logger): Promise<WorkerServer> {
  const log = logger ?? pino({ name: 'buurtsignaal-worker', level: config.logLevel });
  if (!config.databaseUrl) {
    // PGlite belongs to one process; with it, the worker runs inside the API process (embedded mode).
    throw new Error(
      'the standalone worker needs DATABASE_URL (PostgreSQL); embedded mode runs it inside the API',
    );
  }
  await checkRedis(config.redisUrl);
  const warnDb = throttledWarn(log);
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    // A lost connection fails the job under way (BullMQ retries it); the process stays up.
    onConnectionError: (err, source) => warnDb({ source, err: errorText(err) }, 'database connection error'),
  });
  try {
    // Both are idempotent and safe when the API does the same at the same time (advisory lock).
    await database.migrate();
    await seedReferenceData(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  const mailer = createMailTransport({ smtpUrl: config.smtpUrl, devMailboxDir: config.mailboxDir });
  let worker: RunningWorker;
  try {
    worker = await startWorker({
      database,
      redisUrl: config.redisUrl,
      prefix: config.redisKeyPrefix,
      mailer,
      mailFrom: config.mailFrom,
      publicBaseUrl: config.publicBaseUrl,
      statusLinkBox: config.statusLinkKey ? SecretBox.fromBase64(config.statusLinkKey) : undefined,
      logger: log,
      sweepIntervalMs: config.outboxSweepIntervalMs,
      concurrency: config.concurrency,
      mailSendLeaseMs: config.mailSendLeaseMs,
      jobLocks: config.jobLocks,
      reconcile: config.reconcile,
      staffEventsRetentionMs: config.staffEventsRetentionMs,
      pickupMinutes: config.pickupMinutes,
      push: config.vapid,
      grouping: config.grouping,
      geocoding: config.geocoding,
      mailCoalesceMs: config.mailCoalesceMs,
      dispatch: config.dispatch,
    });
  } catch (err) {
    mailer.close();
    await database.close();
    throw err;
  }
  let health: HealthServer | undefined;
  if (config.healthPort !== undefined) {
    try {
      health = await startHealthServer({
        host: config.healthHost,
        port: config.healthPort,
        logger: log,
        probes: {
          database: () => database.ping(),
          redis: () => worker.redisAnswers(),
          workersRunning: () => worker.isRunning(),
        },
      });
    } catch (err) {
      await worker.close();
      mailer.close();
      await database.close();
      throw err;
    }
  }
  if (!config.smtpUrl)
    log.warn({ mailboxDir: config.mailboxDir }, 'no SMTP_URL: mails go to the dev mailbox');
  if (!config.statusLinkKey) log.warn('no STATUS_LINK_KEY: mails cannot carry the status link');
  return {
    healthPort: health?.port,
    async close() {
      // First, so that an orchestrator sees the worker go while it finishes its jobs.
      await health?.close();
      await worker.close();
      mailer.close();
      await database.close();
    },
  };
}
