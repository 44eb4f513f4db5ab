import { findStuckJobByWorkKey } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { workKeys } from '@buurtsignaal/jobs';
import { testEnv, waitUntil } from '@buurtsignaal/testkit';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { assignmentsOf, insertMelding, meldingRow, statusEventsOf } from '../support/helpers.ts';
import { afterMorePasses, useReconcilingWorker } from './reconciliation-support.ts';

describe('reconciliation: a routing job forced into the failed set', () => {
  const w = useReconcilingWorker('worker-reconcile-failed', { start: false });

  it('routes the melding once, under a new job id, although its own job stays failed', async () => {
    const db = w.db;
    const m = await insertMelding(db);
    const routingJobId = jobIds.routing(m.outboxId as number);
    // Before any worker of ours runs: the routing job is added as the relay would add it, and a
    // handler that throws until its attempts are exhausted puts it in the failed set.
    const connection = new Redis(testEnv.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('routing', { connection, prefix: w.prefix });
    await queue.add(
      'route',
      { meldingId: m.meldingId, statusEventId: m.statusEventId },
      { jobId: routingJobId, attempts: 2, backoff: { type: 'fixed', delay: 10 } },
    );
    const broken = new Worker(
      'routing',
      async () => {
        throw new Error('database unreachable');
      },
      { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix: w.prefix },
    );
    await waitUntil(async () => (await queue.getJobState(routingJobId)) === 'failed', {
      what: 'the routing job to fail',
    });
    await broken.close();
    await queue.close();
    connection.disconnect();

    await w.start();
    // The relay publishes the outbox row again: its job id exists (failed), so that adds nothing.
    await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld', {
      what: 'the melding to be routed by reconciliation',
    });
    const routing = w.inspector.queue('routing');
    expect(await routing.getJobState(routingJobId)).toBe('failed');
    const reconcileJobId = jobIds.reconcile(workKeys.routing(m.statusEventId), 1);
    await waitUntil(async () => (await routing.getJobState(reconcileJobId)) === 'completed');
    expect(await assignmentsOf(db, m.meldingId)).toHaveLength(1);
    expect((await statusEventsOf(db, m.meldingId)).map((e) => e.toStatus)).toEqual(['gemeld', 'ingedeeld']);
    const [assignment] = await assignmentsOf(db, m.meldingId);
    // Its one roster job: the dispatch worker may already have taken it (waiting, active or completed).
    const rosterQueue = w.inspector.roster(assignment?.teamId ?? '');
    const rosterJobs = await waitUntil(async () => {
      const jobs = await rosterQueue.getJobs(['waiting', 'active', 'completed', 'delayed']);
      return jobs.length > 0 && jobs;
    });
    expect(rosterJobs.map((j) => j.id)).toEqual([`assignment-${assignment?.id}`]);
    const row = await waitUntil(async () => {
      const r = await findStuckJobByWorkKey(db, workKeys.routing(m.statusEventId));
      return r?.state === 'resolved' && r;
    });
    expect(row).toMatchObject({ kind: 'routing', attempts: 1, meldingId: m.meldingId });
    // Settled: later passes send nothing more.
    await afterMorePasses(w.inspector, 3);
    expect(await routing.getJob(jobIds.reconcile(workKeys.routing(m.statusEventId), 2))).toBeUndefined();
  });
});
