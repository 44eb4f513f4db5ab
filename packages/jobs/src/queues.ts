import type { RosterPayload } from '@buurtsignaal/core/outbox-topics';
/**
 * The contract between api and worker: queue names and the payload of each. Payloads carry ids,
 * never personal data (they sit in Redis, outside the AVG retention of the database).
 */
export const queueNames = {
  routing: 'routing',
  notifications: 'notifications',
  geocoding: 'geocoding',
} as const;

/** A roster queue per team: `roster-<teamId>` (no ':' — BullMQ uses it as key separator). */
export function rosterQueueName(teamId: string): string {
  if (!/^[a-z0-9-]+$/.test(teamId)) throw new Error(`invalid team id for a queue name: ${teamId}`);
  return `roster-${teamId}`;
}

export interface RoutingJob {
  meldingId: string;
  /** The status event (gemeld or heropend) that asks for routing; makes the job idempotent. */
  statusEventId: number;
}

interface NotificationJobBase {
  meldingId: string;
  /** Stable across retries and duplicate jobs: at most one successful mail per key (notificationKeys). */
  notificationKey: string;
}

/** Confirmation of receipt after intake. */
export interface OntvangenNotificationJob extends NotificationJobBase {
  template: 'ontvangen';
}

/** Terugkoppeling on one status event; the worker reads the event and may skip it (notifiesMelder). */
export interface StatusGewijzigdNotificationJob extends NotificationJobBase {
  template: 'status_gewijzigd';
  statusEventId: number;
}

export type NotificationJob = OntvangenNotificationJob | StatusGewijzigdNotificationJob;
export type NotificationTemplate = NotificationJob['template'];

/** One key per mail that may go out; also stored in email_deliveries.notification_key. */
export const notificationKeys = {
  ontvangen: (statusEventId: number) => `ontvangen-${statusEventId}`,
  statusGewijzigd: (statusEventId: number) => `status-${statusEventId}`,
} as const;

/**
 * One key per piece of work that must get done (stuck_jobs.work_key): routing for one status event, or
 * one notification. Reconciliation, the failed-job recorder and the admin's retry all name work by it.
 */
export const workKeys = {
  routing: (statusEventId: number) => `routing-${statusEventId}`,
  notification: (notificationKey: string) => `notify-${notificationKey}`,
  /** One dispatch step of one assignment (its notices); db's parseDispatchWorkKey reads it back. */
  dispatch: (assignmentId: string, step: number) => `dispatch-${assignmentId}-${step}`,
} as const;

/** An assignment on its team's roster queue (the same ids the `melding.rerouted` outbox row carries). */
export type RosterJob = RosterPayload;

/**
 * A later step of the same assignment on the same roster queue (job name `dispatch-step`): the pick-up
 * check after a notice (step n + 1), or the first dispatch again at the next shift start (step 0).
 */
export interface DispatchStepJob extends RosterJob {
  step: number;
}

/**
 * Look up the address nearest to a melding's point (PDOK Locatieserver reverse) after intake. The id
 * only: the worker reads the point from the database.
 */
export interface GeocodingJob {
  meldingId: string;
}

export interface JobPayloads {
  routing: RoutingJob;
  notifications: NotificationJob;
  geocoding: GeocodingJob;
}

export type QueueName = keyof JobPayloads;
