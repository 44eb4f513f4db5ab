/**
 * The contract between api and worker: queue names and the payload of each. Payloads carry ids,
 * never personal data (they sit in Redis, outside the AVG retention of the database).
 */
export const queueNames = {
  routing: 'routing',
  notifications: 'notifications',
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

export type NotificationTemplate = 'ontvangen';

export interface NotificationJob {
  meldingId: string;
  template: NotificationTemplate;
  /** Stable across retries and duplicate jobs: at most one successful mail per key. */
  notificationKey: string;
}

export interface RosterJob {
  meldingId: string;
  assignmentId: string;
  teamId: string;
  priority: string;
}

export interface JobPayloads {
  routing: RoutingJob;
  notifications: NotificationJob;
}

export type QueueName = keyof JobPayloads;
