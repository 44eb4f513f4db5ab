import { join, resolve } from 'node:path';
import {
  defaultGroupingSettings,
  defaultPickupMinutes,
  type GroupingSettings,
  type PickupMinutes,
} from '@buurtsignaal/core';
import { z } from 'zod';
import type { DispatchSettings } from './dispatch/dispatch-settings.ts';
import type { VapidKeys } from './dispatch/push-channel.ts';

// The only module of the worker that reads the environment (CONVENTIONS.md): everything else receives
// a WorkerConfig or explicit dependencies, so tests and the embedded runner never touch process.env.

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().min(1).default('.data'),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  SMTP_URL: optionalString.refine(
    (v) => v === undefined || /^smtps?:\/\//.test(v),
    'SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465',
  ),
  MAIL_FROM: z.string().min(3).default('Gemeente Soest – Buurtsignaal <noreply@buurtsignaal.local>'),
  PUBLIC_BASE_URL: z
    .url()
    .default('http://localhost:3000')
    .transform((u) => u.replace(/\/+$/, '')),
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt(5_000),
  // BullMQ joins prefix and queue name with ':'; the prefix itself must not contain one.
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'REDIS_KEY_PREFIX: letters, digits, - and _ only')
    .default('bs'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CONCURRENCY: positiveInt(5),
  // How long a mail attempt holds its notification before another may take over (after a crash).
  MAIL_SEND_LEASE_MS: positiveInt(120_000),
  // BullMQ's job locks: a dead worker's running jobs are taken over after the lock expired, found by a
  // check every WORKER_STALLED_INTERVAL_MS; after WORKER_MAX_STALLED_COUNT take-overs a job fails.
  WORKER_LOCK_DURATION_MS: positiveInt(30_000),
  WORKER_STALLED_INTERVAL_MS: positiveInt(10_000),
  WORKER_MAX_STALLED_COUNT: positiveInt(1),
  // Reconciliation (reconciliation/reconciliation.ts): every RECONCILE_EVERY_MS, work not done
  // RECONCILE_AFTER_MS after its status event is sent on again, at most RECONCILE_MAX_ATTEMPTS times.
  RECONCILE_EVERY_MS: positiveInt(60_000),
  RECONCILE_AFTER_MS: positiveInt(5 * 60_000),
  RECONCILE_MAX_ATTEMPTS: positiveInt(3),
  RECONCILE_LOOKBACK_DAYS: positiveInt(30),
  // Dispatch: minutes the officers on duty have to claim a melding before it escalates, per priority.
  DISPATCH_PICKUP_SPOED_MINUTES: positiveInt(defaultPickupMinutes.spoed),
  DISPATCH_PICKUP_HOOG_MINUTES: positiveInt(defaultPickupMinutes.hoog),
  DISPATCH_PICKUP_NORMAAL_MINUTES: positiveInt(defaultPickupMinutes.normaal),
  // One incident, many reports: a new melding of the same category and team within this many metres
  // and minutes of an open one is grouped with it (one notice for the group). 0 metres: never grouped.
  GROUPING_RADIUS_METERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(5_000)
    .default(defaultGroupingSettings.radiusMeters),
  GROUPING_WINDOW_MINUTES: positiveInt(defaultGroupingSettings.windowMinutes),
  // Claimed but idle (dispatch/idle-sweep.ts): a reminder after this long without action, then back to
  // the team's queue; teams made after start-up get their dispatch worker within DISPATCH_TEAM_WATCH_MS.
  DISPATCH_IDLE_REMINDER_MINUTES: positiveInt(60),
  DISPATCH_IDLE_RETURN_MINUTES: positiveInt(120),
  DISPATCH_IDLE_SWEEP_EVERY_MS: positiveInt(60_000),
  DISPATCH_TEAM_WATCH_MS: positiveInt(30_000),
  // The standalone worker's health endpoint (health/health-server.ts); `off` runs without it.
  WORKER_HEALTH_PORT: z
    .string()
    .default('3001')
    .transform((v, ctx) => {
      const raw = v.trim().toLowerCase();
      if (raw === 'off') return undefined;
      const port = raw === '' ? 3001 : Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        ctx.addIssue({ code: 'custom', message: 'WORKER_HEALTH_PORT: a port number (0-65535) or off' });
        return z.NEVER;
      }
      return port;
    }),
  WORKER_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  // Address lookups after intake (PDOK Locatieserver v3.1 reverse); `off`: none. The same service the
  // API gives the web app (PDOK_LOCATIESERVER_URL).
  PDOK_LOCATIESERVER_URL: z
    .string()
    .default('https://api.pdok.nl/bzk/locatieserver/search/v3_1')
    .transform((v, ctx) => {
      const raw = v.trim();
      if (raw.toLowerCase() === 'off') return undefined;
      if (!z.url({ protocol: /^https?$/ }).safeParse(raw).success) {
        ctx.addIssue({ code: 'custom', message: 'PDOK_LOCATIESERVER_URL: an http(s) URL or off' });
        return z.NEVER;
      }
      return raw.replace(/\/+$/, '');
    }),
  GEOCODE_ATTEMPTS: positiveInt(10),
  GEOCODE_BACKOFF_MS: positiveInt(5_000),
  GEOCODE_MAX_DISTANCE_M: positiveInt(100),
  // The live console's event log (staff_events): events older than this are deleted (hourly). A console
  // away longer is replayed from the oldest event kept; it rereads its queue on every reconnect.
  STAFF_EVENTS_RETENTION_HOURS: positiveInt(72),
  // Status mails to the melder within this many seconds of each other become one mail (0: each apart).
  MAIL_COALESCE_SECONDS: z.coerce.number().int().min(0).default(120),
  STATUS_LINK_KEY: optionalString.refine(
    (v) => v === undefined || Buffer.from(v, 'base64').length === 32,
    'STATUS_LINK_KEY must be 32 bytes, base64 (openssl rand -base64 32)',
  ),
});

const vapidKey = (name: string, bytes: number) =>
  optionalString.refine(
    (v) => v === undefined || (/^[A-Za-z0-9_-]+$/.test(v) && Buffer.from(v, 'base64url').length === bytes),
    `${name} must be ${bytes} bytes, base64url (npx web-push generate-vapid-keys)`,
  );

/** Web Push: the three together or none (push is then off and officers are mailed). */
const vapidSchema = z
  .object({
    VAPID_PUBLIC_KEY: vapidKey('VAPID_PUBLIC_KEY', 65),
    VAPID_PRIVATE_KEY: vapidKey('VAPID_PRIVATE_KEY', 32),
    VAPID_SUBJECT: optionalString.refine(
      (v) => v === undefined || /^(mailto:|https:\/\/)/.test(v),
      'VAPID_SUBJECT must be a mailto: or https: URL',
    ),
  })
  .refine(
    (v) => [v.VAPID_PUBLIC_KEY, v.VAPID_PRIVATE_KEY, v.VAPID_SUBJECT].filter(Boolean).length % 3 === 0,
    'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT: all three or none',
  );

export type LogLevel = z.output<typeof envSchema>['LOG_LEVEL'];

export interface WorkerConfig {
  /** PostgreSQL; the standalone worker needs it (PGlite belongs to the single embedded process). */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where mails go when no SMTP_URL is set: `${dataDir}/mailbox` (the dev mailbox). */
  mailboxDir: string;
  redisUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Without a trailing slash; status links are `${publicBaseUrl}/m/<token>`. */
  publicBaseUrl: string;
  outboxSweepIntervalMs: number;
  redisKeyPrefix: string;
  logLevel: LogLevel;
  concurrency: number;
  /**
   * How long a mail attempt holds its notification: a worker that died while sending is replaced by a
   * new attempt (same Message-ID) only after this. Longer than one SMTP conversation can take.
   */
  mailSendLeaseMs: number;
  /** BullMQ job locks and stalled-job checks (job-locks.ts, JobLockSettings). */
  jobLocks: { lockDurationMs: number; stalledIntervalMs: number; maxStalledCount: number };
  /** Reconciliation of work not done (ReconcileSettings). */
  reconcile: { everyMs: number; afterMs: number; maxAttempts: number; lookbackMs: number };
  /** Dispatch: minutes to claim a melding after the notice before it escalates, per priority. */
  pickupMinutes: PickupMinutes;
  /** Grouping of meldingen of one incident when routed; false: switched off (GROUPING_RADIUS_METERS=0). */
  grouping: GroupingSettings | false;
  /** Dispatch: idle claims and new teams (dispatch/dispatch-settings.ts). */
  dispatch: DispatchSettings;
  /** Port of the health endpoint (GET /health/live, /health/ready); undefined: none. */
  healthPort: number | undefined;
  /** Where the health endpoint listens: loopback for a container's own check, 0.0.0.0 for a kubelet. */
  healthHost: string;
  /** base64 of 32 bytes, the same key as the API's: opens the sealed status token for the mail link. */
  statusLinkKey: string | undefined;
  /** Web Push (VAPID_*); undefined: not configured (the embedded default generates a pair). */
  vapid: VapidKeys | undefined;
  /** Address lookups after intake; undefined: off. */
  geocoding:
    | { pdokBaseUrl: string; maxDistanceM: number; retry: { attempts: number; backoffMs: number } }
    | undefined;
  /** Status mails that follow each other within this window become one (MAIL_COALESCE_SECONDS). */
  mailCoalesceMs: number;
  /** How long the live console's events are kept (STAFF_EVENTS_RETENTION_HOURS). */
  staffEventsRetentionMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = envSchema.and(vapidSchema).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid worker configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  // Relative to where the user started the command (pnpm runs scripts in the package folder).
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    mailboxDir: join(dataDir, 'mailbox'),
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    outboxSweepIntervalMs: e.OUTBOX_SWEEP_INTERVAL_MS,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    logLevel: e.LOG_LEVEL,
    concurrency: e.WORKER_CONCURRENCY,
    mailSendLeaseMs: e.MAIL_SEND_LEASE_MS,
    jobLocks: {
      lockDurationMs: e.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: e.WORKER_MAX_STALLED_COUNT,
    },
    reconcile: {
      everyMs: e.RECONCILE_EVERY_MS,
      afterMs: e.RECONCILE_AFTER_MS,
      maxAttempts: e.RECONCILE_MAX_ATTEMPTS,
      lookbackMs: e.RECONCILE_LOOKBACK_DAYS * 24 * 3600_000,
    },
    pickupMinutes: {
      spoed: e.DISPATCH_PICKUP_SPOED_MINUTES,
      hoog: e.DISPATCH_PICKUP_HOOG_MINUTES,
      normaal: e.DISPATCH_PICKUP_NORMAAL_MINUTES,
    },
    grouping:
      e.GROUPING_RADIUS_METERS === 0
        ? false
        : { radiusMeters: e.GROUPING_RADIUS_METERS, windowMinutes: e.GROUPING_WINDOW_MINUTES },
    dispatch: {
      idleReminderMinutes: e.DISPATCH_IDLE_REMINDER_MINUTES,
      idleReturnMinutes: e.DISPATCH_IDLE_RETURN_MINUTES,
      idleSweepEveryMs: e.DISPATCH_IDLE_SWEEP_EVERY_MS,
      teamWatchEveryMs: e.DISPATCH_TEAM_WATCH_MS,
    },
    healthPort: e.WORKER_HEALTH_PORT,
    healthHost: e.WORKER_HEALTH_HOST,
    statusLinkKey: e.STATUS_LINK_KEY,
    vapid:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && e.VAPID_SUBJECT
        ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT }
        : undefined,
    geocoding: e.PDOK_LOCATIESERVER_URL
      ? {
          pdokBaseUrl: e.PDOK_LOCATIESERVER_URL,
          maxDistanceM: e.GEOCODE_MAX_DISTANCE_M,
          retry: { attempts: e.GEOCODE_ATTEMPTS, backoffMs: e.GEOCODE_BACKOFF_MS },
        }
      : undefined,
    mailCoalesceMs: e.MAIL_COALESCE_SECONDS * 1_000,
    staffEventsRetentionMs: e.STAFF_EVENTS_RETENTION_HOURS * 3600_000,
  };
}
