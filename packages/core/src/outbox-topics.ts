/**
 * Outbox topics: what a committed change announces, and the payload stored with it (ids only). The one
 * list: SQL takes a topic as a parameter from here, the worker's relay turns each row into one or more
 * BullMQ jobs by it (re-exported from @buurtsignaal/jobs).
 */
export const outboxTopics = {
  /** A new melding was stored (status gemeld): route it and confirm receipt to the melder. */
  meldingGemeld: 'melding.gemeld',
  /**
   * A status event was appended (by staff, or by the melder's answer or feedback). Written in the same
   * transaction as the event, for every change; the notification worker decides with core's mail
   * policy whether the melder hears of it.
   */
  statusChanged: 'melding.status_changed',
  /**
   * The melder said "niet opgelost" and the melding went to heropend (status event `statusEventId`):
   * route it to its team again and tell the melder it was reopened.
   */
  heropend: 'melding.heropend',
  /**
   * An admin asked to retry stuck work (stuck_jobs row `stuckJobId`) from the console: the relay adds
   * the routing or notification job again under a new id; the consumers are idempotent.
   */
  jobRetry: 'job.retry',
  /**
   * A staff member had the melding decided again ("opnieuw indelen"): the new assignment goes on its
   * team's roster queue, as routing puts every assignment there.
   */
  rerouted: 'melding.rerouted',
} as const;

export type OutboxTopic = (typeof outboxTopics)[keyof typeof outboxTopics];

export interface OutboxPayloads {
  'melding.gemeld': { meldingId: string; statusEventId: number };
  'melding.status_changed': { meldingId: string; statusEventId: number };
  'melding.heropend': { meldingId: string; statusEventId: number };
  'job.retry': RetryPayload;
  'melding.rerouted': RosterPayload;
}

/** An assignment for a team's roster queue: ids and the priority, nothing about the melder. */
export interface RosterPayload {
  meldingId: string;
  assignmentId: string;
  teamId: string;
  priority: string;
}

/** What `job.retry` carries: the work of a stuck_jobs row, ids only. */
export type RetryPayload =
  | { stuckJobId: string; kind: 'routing'; meldingId: string; statusEventId: number }
  | {
      stuckJobId: string;
      kind: 'notification';
      meldingId: string;
      statusEventId: number;
      template: 'ontvangen' | 'status_gewijzigd';
      notificationKey: string;
    }
  /** One dispatch step of an assignment sent again (its failed notices were put back to pending). */
  | {
      stuckJobId: string;
      kind: 'dispatch';
      meldingId: string;
      statusEventId: number;
      assignmentId: string;
      teamId: string;
      priority: string;
      step: number;
    };

/** Every topic once, in the order above. */
export const outboxTopicList: readonly OutboxTopic[] = Object.values(outboxTopics);

export function isOutboxTopic(value: unknown): value is OutboxTopic {
  return typeof value === 'string' && (outboxTopicList as readonly string[]).includes(value);
}

// The payload list and the topic list name the same topics (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const payloadsCoverTopics: Same<keyof OutboxPayloads, OutboxTopic> = true;
void payloadsCoverTopics;
