import type { Db } from '@buurtsignaal/db';
import { findDueWork } from '@buurtsignaal/db/queries/reconciliation/due-work';
import {
  type DueWork,
  markWorkStuck,
  recordReconcileAttempt,
  settleReconciledWork,
} from '@buurtsignaal/db/tables/stuck-jobs-repository';
import type { Logger } from 'pino';
import { jobIds, type ProducerQueues } from '../queues.ts';
import { addWorkJob, type WorkToSend } from './work-jobs.ts';

export interface ReconcileSettings {
  /** How often a reconciliation pass runs. */
  everyMs: number;
  /** Work is due this long after its status event; a re-send gets this long before the next. */
  afterMs: number;
  /** Re-sends of one piece of work before it is marked stuck for the admin. */
  maxAttempts: number;
  /** How far back notifications are looked for (outbox rows). */
  lookbackMs: number;
}

export const defaultReconcile: ReconcileSettings = {
  everyMs: 60_000,
  // Longer than a notification's own retries take (8 tries from 1 s: about two minutes), so that a
  // mail still being retried is not sent on beside its own job.
  afterMs: 5 * 60_000,
  maxAttempts: 3,
  lookbackMs: 30 * 24 * 3600_000,
};

export interface ReconcileDeps {
  db: Db;
  queues: ProducerQueues;
  now: () => Date;
  logger: Logger;
  settings: ReconcileSettings;
  /** Pieces of work per pass (each kind). */
  batchSize?: number;
}

export interface ReconcileResult {
  resolved: number;
  resent: number;
  stuck: number;
}

function toSend(work: DueWork): WorkToSend {
  if (work.kind === 'routing' || !work.template || !work.notificationKey) {
    return { kind: 'routing', meldingId: work.meldingId, statusEventId: work.statusEventId };
  }
  return {
    kind: 'notification',
    meldingId: work.meldingId,
    statusEventId: work.statusEventId,
    template: work.template,
    notificationKey: work.notificationKey,
  };
}

/**
 * One pass: settle what got done, then send on every melding not routed and every notification without
 * a final delivery record that is overdue, each under a new deterministic job id
 * (`reconcile-<work>-<attempt>`); after `maxAttempts` re-sends the work is marked stuck for the admin.
 * Work whose job failed for good is already shown as stuck, and is re-sent all the same.
 * Idempotent: a pass repeated after a crash re-sends under the same id (nothing new) or the next one.
 */
export async function reconcileOnce(deps: ReconcileDeps): Promise<ReconcileResult> {
  const { db, settings } = deps;
  const at = deps.now();
  const settled = await settleReconciledWork(db, at);
  const due = await findDueWork(db, {
    dueBefore: new Date(at.getTime() - settings.afterMs),
    notificationsSince: new Date(at.getTime() - settings.lookbackMs),
    limit: deps.batchSize ?? 200,
    maxAttempts: settings.maxAttempts,
  });
  let resent = 0;
  let stuck = settled.stuck;
  for (const work of due) {
    if (work.kind === 'notification' && (!work.template || !work.notificationKey)) continue;
    if (work.attempts >= settings.maxAttempts) {
      await markWorkStuck(db, work, {
        at,
        error: `not done after ${work.attempts} re-sends by reconciliation`,
        keepEarlierError: true,
      });
      stuck++;
      continue;
    }
    // Counted before it is sent: a crash in between costs an attempt, never a silent loop.
    const attempt = await recordReconcileAttempt(db, work, at);
    await addWorkJob(deps.queues, toSend(work), jobIds.reconcile(work.workKey, attempt));
    resent++;
  }
  const result = { resolved: settled.resolved, resent, stuck };
  if (resent > 0 || stuck > 0 || settled.resolved > 0) {
    deps.logger.warn(
      { ...result, work: due.slice(0, 20).map((w) => w.workKey) },
      'reconciliation sent on work that had not been done',
    );
  }
  return result;
}
