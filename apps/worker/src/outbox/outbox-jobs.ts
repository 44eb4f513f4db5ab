import type { PendingOutboxRow } from '@buurtsignaal/db';
import type { OutboxPayloads } from '@buurtsignaal/jobs';
import { jobIds, type ProducerQueues } from '../queues.ts';

/** A row that can never be published as it is (unknown topic, bad payload): kept, not dropped. */
export class UnpublishableOutboxRow extends Error {
  override name = 'UnpublishableOutboxRow';
}

function meldingGemeldPayload(row: PendingOutboxRow): OutboxPayloads['melding.gemeld'] {
  const { meldingId, statusEventId } = row.payload;
  if (typeof meldingId !== 'string' || !Number.isSafeInteger(Number(statusEventId))) {
    throw new UnpublishableOutboxRow(
      `outbox ${row.id}: payload of melding.gemeld needs meldingId and statusEventId`,
    );
  }
  return { meldingId, statusEventId: Number(statusEventId) };
}

/**
 * Turns one outbox row into its BullMQ jobs. Every job id derives from the row, so publishing the same
 * row again (a relay that died before marking it) adds nothing new.
 */
export async function publishOutboxRow(queues: ProducerQueues, row: PendingOutboxRow): Promise<void> {
  switch (row.topic) {
    case 'melding.gemeld': {
      const { meldingId, statusEventId } = meldingGemeldPayload(row);
      const notificationKey = `ontvangen-${statusEventId}`;
      await Promise.all([
        queues.routing.add('route', { meldingId, statusEventId }, { jobId: jobIds.routing(row.id) }),
        queues.notifications.add(
          'ontvangen',
          { meldingId, template: 'ontvangen', notificationKey },
          { jobId: jobIds.notification(notificationKey) },
        ),
      ]);
      return;
    }
    default:
      throw new UnpublishableOutboxRow(`outbox ${row.id}: unknown topic ${row.topic}`);
  }
}
