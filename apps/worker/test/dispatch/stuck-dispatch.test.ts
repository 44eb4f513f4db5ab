import { listStuckJobs } from '@buurtsignaal/db/queries/reconciliation/stuck-jobs';
import { requeueFailedNotices } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { claimPendingOutbox, markOutboxRelayed } from '@buurtsignaal/db/tables/outbox-repository';
import {
  findStuckJobByWorkKey,
  lockStuckJob,
  requestStuckJobRetry,
  settleReconciledWork,
} from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { workKeys } from '@buurtsignaal/jobs';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishOutboxRow } from '../../src/outbox/outbox-jobs.ts';
import { jobIds } from '../../src/queues.ts';
import { at, createDispatchWorld, type DispatchWorld, staff } from './dispatch-world.ts';

// A dispatch job that fails for good is a stuck_jobs row like the routing and notification jobs: the
// admin sees it under "Vastgelopen taken" and retries it; the retry sends the failed notices, once, and
// the row is resolved.

const TUESDAY = '2026-06-02';

describe('stuck dispatch jobs', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch-stuck'));
  });
  afterAll(async () => {
    await w?.close();
  });

  it('records the failed step for the admin, and the admin’s retry sends its mails once', async () => {
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, '18:00'),
      enqueue: false,
    });
    const workKey = workKeys.dispatch(job.assignmentId, 0);
    w.sink.defaultBehaviour = { code: 554, message: 'no' };
    try {
      await w.queues
        .roster('boa-team')
        .add('assignment', job, { jobId: jobIds.roster(job.assignmentId), attempts: 1 });
      await waitUntil(() => findStuckJobByWorkKey(w.db, workKey), { what: 'the stuck_jobs row of the step' });
    } finally {
      w.sink.defaultBehaviour = 'accept';
    }
    const listed = (await listStuckJobs(w.db)).find((s) => s.meldingId === job.meldingId);
    expect(listed).toMatchObject({ kind: 'dispatch', reference: job.reference, attempts: 0 });
    expect(listed?.lastError).toContain(jobIds.roster(job.assignmentId));
    // No personal data in what the admin reads.
    expect(listed?.lastError).not.toContain('@');
    expect((await w.notices(job.meldingId)).filter((n) => n.status === 'failed')).toHaveLength(2);

    // The admin's retry, as the API does it in one transaction: failed notices pending, a job.retry row.
    const row = await findStuckJobByWorkKey(w.db, workKey);
    await w.db.transaction(async (tx) => {
      const locked = await lockStuckJob(tx, row?.id ?? '');
      if (!locked) throw new Error('no stuck row');
      await requeueFailedNotices(tx, { assignmentId: job.assignmentId, step: 0 });
      const payload = {
        stuckJobId: locked.id,
        kind: 'dispatch',
        meldingId: job.meldingId,
        statusEventId: locked.statusEventId,
      };
      await requestStuckJobRetry(tx, locked, {
        at: at(TUESDAY, '18:30'),
        byUserId: staff.smit.id,
        payload: {
          ...payload,
          assignmentId: job.assignmentId,
          teamId: 'boa-team',
          priority: 'spoed',
          step: 0,
        },
      });
    });
    // The relay publishes it: a dispatch step on the team's roster queue.
    const retried = await w.db.transaction(async (tx) => {
      const rows = (await claimPendingOutbox(tx, 100)).filter((r) => r.aggregateId === job.meldingId);
      for (const r of rows) await publishOutboxRow(w.queues, r);
      await markOutboxRelayed(
        tx,
        rows.map((r) => r.id),
        new Date(),
      );
      return rows;
    });
    expect(retried.map((r) => r.topic)).toEqual(['job.retry']);
    w.setClock(at(TUESDAY, '18:30'));
    expect(await w.completed('boa-team', jobIds.retry(retried[0]?.id ?? 0))).toMatchObject({
      kind: 'notified',
      step: 0,
      notices: 0,
    });
    expect((await w.notices(job.meldingId)).map((n) => `${n.user}/${n.channel}/${n.status}`)).toEqual([
      'J. Bakker/console/sent',
      'J. Bakker/email/sent',
      'M. de Vries/console/sent',
      'M. de Vries/email/sent',
    ]);
    expect(w.sink.received.filter((m) => m.parsed.subject?.includes(job.reference))).toHaveLength(2);
    await settleReconciledWork(w.db, at(TUESDAY, '18:31'));
    expect((await findStuckJobByWorkKey(w.db, workKey))?.state).toBe('resolved');
  });
});
