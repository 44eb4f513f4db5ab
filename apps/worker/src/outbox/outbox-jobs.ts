import type { PendingOutboxRow } from '@buurtsignaal/db/tables/outbox-repository';
import {
  notificationKeys,
  type OutboxPayloads,
  type OutboxTopic,
  outboxTopics,
  type RosterPayload,
} from '@buurtsignaal/jobs';
import { jobIds, type ProducerQueues } from '../queues.ts';
import { addWorkJob, type WorkToSend } from '../reconciliation/work-jobs.ts';

/** A row that can never be published as it is (unknown topic, bad payload): kept, not dropped. */
export class UnpublishableOutboxRow extends Error {
  override name = 'UnpublishableOutboxRow';
}

/** Every topic so far carries the same ids: the melding and the status event that the row announces. */
function statusEventPayload<
  T extends Exclude<OutboxTopic, typeof outboxTopics.jobRetry | typeof outboxTopics.rerouted>,
>(row: PendingOutboxRow, topic: T): OutboxPayloads[T] {
  const { meldingId, statusEventId } = row.payload;
  if (typeof meldingId !== 'string' || !Number.isSafeInteger(Number(statusEventId))) {
    throw new UnpublishableOutboxRow(
      `outbox ${row.id}: payload of ${topic} needs meldingId and statusEventId`,
    );
  }
  return { meldingId, statusEventId: Number(statusEventId) };
}

/** The new assignment of an "opnieuw indelen" (outboxTopics.rerouted, written by the API's reroute). */
function rosterPayload(row: PendingOutboxRow): RosterPayload {
  const { meldingId, assignmentId, teamId, priority } = row.payload;
  if (
    typeof meldingId !== 'string' ||
    typeof assignmentId !== 'string' ||
    typeof teamId !== 'string' ||
    typeof priority !== 'string'
  ) {
    throw new UnpublishableOutboxRow(
      `outbox ${row.id}: payload of ${outboxTopics.rerouted} needs meldingId, assignmentId, teamId and priority`,
    );
  }
  return { meldingId, assignmentId, teamId, priority };
}

/** The work an admin retried (`job.retry`, written by the API's stuck-jobs route). */
function retryWork(row: PendingOutboxRow): WorkToSend {
  const { kind, meldingId, statusEventId, template, notificationKey } = row.payload;
  const eventId = Number(statusEventId);
  if (typeof meldingId !== 'string' || !Number.isSafeInteger(eventId)) {
    throw new UnpublishableOutboxRow(
      `outbox ${row.id}: payload of job.retry needs meldingId and statusEventId`,
    );
  }
  if (kind === 'routing') return { kind, meldingId, statusEventId: eventId };
  const { assignmentId, teamId, priority, step } = row.payload;
  if (
    kind === 'dispatch' &&
    typeof assignmentId === 'string' &&
    typeof teamId === 'string' &&
    typeof priority === 'string' &&
    Number.isSafeInteger(step)
  ) {
    return { kind, meldingId, assignmentId, teamId, priority, step: Number(step) };
  }
  if (
    kind === 'notification' &&
    (template === 'ontvangen' || template === 'status_gewijzigd') &&
    typeof notificationKey === 'string'
  ) {
    return { kind, meldingId, statusEventId: eventId, template, notificationKey };
  }
  throw new UnpublishableOutboxRow(`outbox ${row.id}: job.retry of unknown work`);
}

/**
 * Turns one outbox row into its BullMQ jobs. Every job id derives from the row, so publishing the same
 * row again (a relay that died before marking it) adds nothing new.
 */
export async function publishOutboxRow(queues: ProducerQueues, row: PendingOutboxRow): Promise<void> {
  switch (row.topic) {
    case outboxTopics.meldingGemeld: {
      const { meldingId, statusEventId } = statusEventPayload(row, outboxTopics.meldingGemeld);
      const notificationKey = notificationKeys.ontvangen(statusEventId);
      await Promise.all([
        queues.routing.add('route', { meldingId, statusEventId }, { jobId: jobIds.routing(row.id) }),
        queues.notifications.add(
          'ontvangen',
          { meldingId, template: 'ontvangen', notificationKey },
          { jobId: jobIds.notification(notificationKey) },
        ),
        // The address near the point, for staff; the job decides whether one is needed (GPS or map).
        queues.geocoding?.add('reverse', { meldingId }, { jobId: jobIds.geocoding(meldingId) }),
      ]);
      return;
    }
    case outboxTopics.statusChanged: {
      // Always enqueued: the relay reads no data, so whether the melder hears of this change
      // (notifiesMelder, contact data) is decided by the notification worker.
      const { meldingId, statusEventId } = statusEventPayload(row, outboxTopics.statusChanged);
      const notificationKey = notificationKeys.statusGewijzigd(statusEventId);
      await queues.notifications.add(
        'status_gewijzigd',
        { meldingId, template: 'status_gewijzigd', notificationKey, statusEventId },
        { jobId: jobIds.notification(notificationKey) },
      );
      return;
    }
    case outboxTopics.heropend: {
      // The melder reopened it: routed to its team again (back on the roster queue), and the
      // terugkoppeling on the heropend event — that one mail goes out although the melder caused it.
      const { meldingId, statusEventId } = statusEventPayload(row, outboxTopics.heropend);
      const notificationKey = notificationKeys.statusGewijzigd(statusEventId);
      await Promise.all([
        queues.routing.add('route', { meldingId, statusEventId }, { jobId: jobIds.routing(row.id) }),
        queues.notifications.add(
          'status_gewijzigd',
          { meldingId, template: 'status_gewijzigd', notificationKey, statusEventId },
          { jobId: jobIds.notification(notificationKey) },
        ),
      ]);
      return;
    }
    case outboxTopics.rerouted: {
      // The same job id as routing gives this assignment: a second publish adds nothing.
      const job = rosterPayload(row);
      await queues.roster(job.teamId).add('assignment', job, { jobId: jobIds.roster(job.assignmentId) });
      return;
    }
    case outboxTopics.jobRetry: {
      await addWorkJob(queues, retryWork(row), jobIds.retry(row.id));
      return;
    }
    default:
      throw new UnpublishableOutboxRow(`outbox ${row.id}: unknown topic ${row.topic}`);
  }
}
