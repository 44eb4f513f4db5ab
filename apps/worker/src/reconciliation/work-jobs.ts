import { notificationKeys } from '@buurtsignaal/jobs';
import type { ProducerQueues } from '../queues.ts';

/** Work to send on again: what reconciliation found, or what an admin retried. Ids only. */
export type WorkToSend =
  | { kind: 'routing'; meldingId: string; statusEventId: number }
  | {
      kind: 'notification';
      meldingId: string;
      statusEventId: number;
      template: 'ontvangen' | 'status_gewijzigd';
      notificationKey: string;
    }
  | {
      kind: 'dispatch';
      meldingId: string;
      assignmentId: string;
      teamId: string;
      priority: string;
      step: number;
    };

/**
 * Adds the routing or notification job for `work` under `jobId` — a new id, since the job's original
 * one may sit in the failed set, where adding it again changes nothing. The consumers are idempotent
 * (routing key, notification key), so a re-send of work that did get done changes nothing either.
 */
export async function addWorkJob(queues: ProducerQueues, work: WorkToSend, jobId: string): Promise<void> {
  if (work.kind === 'dispatch') {
    const { kind: _, ...step } = work;
    // The name of a later dispatch step (dispatch-worker dispatchStepJobName): it carries its step.
    await queues.roster(work.teamId).add('dispatch-step', step, { jobId });
    return;
  }
  if (work.kind === 'routing') {
    await queues.routing.add(
      'route',
      { meldingId: work.meldingId, statusEventId: work.statusEventId },
      { jobId },
    );
    return;
  }
  if (work.template === 'ontvangen') {
    await queues.notifications.add(
      'ontvangen',
      {
        meldingId: work.meldingId,
        template: 'ontvangen',
        notificationKey: notificationKeys.ontvangen(work.statusEventId),
      },
      { jobId },
    );
    return;
  }
  await queues.notifications.add(
    'status_gewijzigd',
    {
      meldingId: work.meldingId,
      template: 'status_gewijzigd',
      notificationKey: notificationKeys.statusGewijzigd(work.statusEventId),
      statusEventId: work.statusEventId,
    },
    { jobId },
  );
}
