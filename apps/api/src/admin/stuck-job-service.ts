import type { DbOrTx, OutboxNotifier } from '@buurtsignaal/db';
import { listStuckJobs } from '@buurtsignaal/db/queries/reconciliation/stuck-jobs';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { requeueFailedNotices } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import {
  lockStuckJob,
  parseDispatchWorkKey,
  requestStuckJobRetry,
  type StuckJobRow,
} from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { ApiError } from '../errors.ts';
import { stuckJobTexts } from '../texts/index.ts';

/**
 * A stuck dispatch step: its failed notices back to pending (the retried job sends them), and the ids
 * of its roster job. Undefined when the assignment is gone.
 */
async function dispatchRetry(tx: DbOrTx, job: StuckJobRow): Promise<Record<string, unknown> | undefined> {
  const key = parseDispatchWorkKey(job.workKey);
  if (!key) return undefined;
  const a = (await listAssignmentsForMelding(tx, job.meldingId)).find((x) => x.id === key.assignmentId);
  if (!a) return undefined;
  await requeueFailedNotices(tx, key);
  return { assignmentId: a.id, teamId: a.teamId, priority: a.priority, step: key.step };
}

/** What the worker's relay needs to send the work on (`job.retry`): ids only. */
async function retryPayload(tx: DbOrTx, job: StuckJobRow): Promise<Record<string, unknown>> {
  const base = { stuckJobId: job.id, meldingId: job.meldingId, statusEventId: job.statusEventId };
  if (job.kind === 'routing') return { ...base, kind: 'routing' };
  if (job.kind === 'dispatch') {
    const step = await dispatchRetry(tx, job);
    if (!step) throw new ApiError(409, 'STUCK_JOB_NOT_STUCK', stuckJobTexts.notStuck);
    return { ...base, kind: 'dispatch', ...step };
  }
  return { ...base, kind: 'notification', template: job.template, notificationKey: job.notificationKey };
}

/** "Vastgelopen taken": the list the admin sees, and the retry that sends the work on. */
export function createStuckJobService(deps: { db: DbOrTx; now: () => Date; outboxNotifier: OutboxNotifier }) {
  const { db, now, outboxNotifier } = deps;
  return {
    async list() {
      return (await listStuckJobs(db)).map((j) => ({
        id: j.id,
        kind: j.kind,
        what: stuckJobTexts.what(j.kind, j.template),
        melding: { id: j.meldingId, reference: j.reference },
        since: j.dueSince.toISOString(),
        stuckAt: j.stuckAt?.toISOString() ?? null,
        attempts: j.attempts,
        lastError: j.lastError,
      }));
    },
    /**
     * Puts a stuck job back to `retrying` and writes its `job.retry` outbox row in one transaction: the
     * retry happens exactly when it is recorded. Throws 404 STUCK_JOB_NOT_FOUND / 409 STUCK_JOB_NOT_STUCK.
     */
    async retry(id: string, byUserId: string): Promise<StuckJobRow> {
      const at = now();
      const job = await db.transaction(async (tx) => {
        const row = await lockStuckJob(tx, id);
        if (!row) throw new ApiError(404, 'STUCK_JOB_NOT_FOUND', stuckJobTexts.notFound);
        if (row.state !== 'stuck') throw new ApiError(409, 'STUCK_JOB_NOT_STUCK', stuckJobTexts.notStuck);
        await requestStuckJobRetry(tx, row, { at, byUserId, payload: await retryPayload(tx, row) });
        return row;
      });
      outboxNotifier.poke();
      return job;
    },
  };
}

export type StuckJobService = ReturnType<typeof createStuckJobService>;
