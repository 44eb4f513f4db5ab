// What startWorker needs (worker.ts): connections, clocks, and the settings of each part.

import type { GroupingSettings, PickupMinutes } from '@buurtsignaal/core';
import type { DatabaseClient, SecretBox } from '@buurtsignaal/db';
import type { Mailer } from '@buurtsignaal/mail';
import type { Logger } from 'pino';
import type { DispatchSettings } from './dispatch/dispatch-settings.ts';
import type { VapidKeys } from './dispatch/push-channel.ts';
import type { GeocodingSettings } from './geocoding/geocoding-worker.ts';
import type { JobLockSettings } from './job-locks.ts';
import type { RetryPolicy } from './queues.ts';
import type { ReconcileSettings } from './reconciliation/reconciliation.ts';

export interface WorkerDeps {
  database: DatabaseClient;
  redisUrl: string;
  /** BullMQ key prefix (REDIS_KEY_PREFIX); tests use one of their own. */
  prefix: string;
  mailer: Mailer;
  mailFrom: string;
  /** Without a trailing slash. */
  publicBaseUrl: string;
  /** Opens sealed status tokens (STATUS_LINK_KEY); without it, mails carry no status link. */
  statusLinkBox?: SecretBox | undefined;
  now?: () => Date;
  logger?: Logger;
  /** Outbox sweep besides LISTEN/NOTIFY; default 5 s. */
  sweepIntervalMs?: number;
  /** Jobs processed at the same time, per queue; default 5. */
  concurrency?: number;
  /** Retry policies of the jobs the relay adds (tests pass short delays). */
  retry?: { routing?: RetryPolicy; notifications?: RetryPolicy };
  /** Delay before the relay tries an outbox row again after Redis refused it. */
  outboxRetryBackoff?: { baseMs: number; maxMs: number };
  /** How long start-up waits for Redis before the relay starts anyway (it retries); default 5 s. */
  redisReadyTimeoutMs?: number;
  /** How often hotspot detection runs; default 5 minutes. */
  hotspotDetectEveryMs?: number;
  /** How often shift instances are generated ahead; default hourly. */
  shiftGenerationEveryMs?: number;
  /** How long the live console's events are kept (STAFF_EVENTS_RETENTION_HOURS); default 72 h. */
  staffEventsRetentionMs?: number | undefined;
  /** How often events older than that are deleted; default hourly. */
  staffEventsPruneEveryMs?: number;
  /** How long a mail attempt holds its notification (MAIL_SEND_LEASE_MS); default 2 minutes. */
  mailSendLeaseMs?: number | undefined;
  /** Reconciliation of work not done (reconciliation/reconciliation.ts, defaultReconcile). */
  reconcile?: Partial<ReconcileSettings>;
  /** Dispatch: minutes to claim a melding before it escalates, per priority; default core's. */
  pickupMinutes?: PickupMinutes;
  /** Grouping of one incident's meldingen when routed (default core's 150 m, 30 min); false: off. */
  grouping?: GroupingSettings | false;
  /** Dispatch beyond the pick-up times: new teams, idle claims (dispatch/dispatch-settings.ts). */
  dispatch?: Partial<DispatchSettings>;
  /** BullMQ's lock and stalled-job checks of the routing and notification workers (jobLockDefaults). */
  jobLocks?: Partial<JobLockSettings>;
  /** Web Push to the officers' devices; undefined: off, every officer told is mailed. */
  push?: VapidKeys | undefined;
  /**
   * Address lookups after intake (PDOK Locatieserver reverse), retried with backoff; without it none
   * are made.
   */
  geocoding?: (GeocodingSettings & { retry?: RetryPolicy }) | undefined;
  /** Status mails to the melder within this window become one (MAIL_COALESCE_SECONDS); default 0: none. */
  mailCoalesceMs?: number;
}
