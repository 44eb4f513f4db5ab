import { notifyOutbox } from '@buurtsignaal/db';
import { listStuckJobs } from '@buurtsignaal/db/queries/reconciliation/stuck-jobs';
import * as schema from '@buurtsignaal/db/schema';
import {
  findStuckJobByWorkKey,
  lockStuckJob,
  requestStuckJobRetry,
} from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { workKeys } from '@buurtsignaal/jobs';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import {
  assignmentsOf,
  holdMeldingLocks,
  insertMelding,
  meldingRow,
  statusEventsOf,
} from '../support/helpers.ts';
import { afterMorePasses, fast, useReconcilingWorker } from './reconciliation-support.ts';

describe('reconciliation of work that does not get done', () => {
  const w = useReconcilingWorker('worker-reconcile-stuck');

  it('shows a routing job that fails for good as stuck at once, re-sends it, and routes it after an admin retry', async () => {
    const db = w.db;
    const m = await insertMelding(db, { category: 'onbekend', subcategory: null });
    const key = workKeys.routing(m.statusEventId);
    const first = await waitUntil(async () => {
      const r = await findStuckJobByWorkKey(db, key);
      return r?.state === 'stuck' && r;
    });
    expect(first.lastError).toMatch(/no routing for category onbekend/);
    expect(first.lastError).not.toMatch(/@/);
    const [listed] = (await listStuckJobs(db)).filter((j) => j.meldingId === m.meldingId);
    expect(listed).toMatchObject({ kind: 'routing', reference: m.reference });
    // Reconciliation sends it on as often as it may (each re-send fails again), then leaves it.
    const stuck = await waitUntil(async () => {
      const r = await findStuckJobByWorkKey(db, key);
      return r?.state === 'stuck' && r.attempts === fast.maxAttempts && r;
    });
    const routing = w.inspector.queue('routing');
    await waitUntil(
      async () => (await routing.getJobState(jobIds.reconcile(key, fast.maxAttempts))) === 'failed',
    );
    await afterMorePasses(w.inspector, 3);
    expect(await routing.getJob(jobIds.reconcile(key, fast.maxAttempts + 1))).toBeUndefined();
    expect((await findStuckJobByWorkKey(db, key))?.lastError).toMatch(
      new RegExp(`^${jobIds.reconcile(key, fast.maxAttempts)}: no routing for category onbekend`),
    );

    // The category is fixed; the admin retries (what POST /api/v1/staff/admin/stuck/:id/retry writes).
    await db
      .update(schema.meldingen)
      .set({ category: 'jeugdoverlast' })
      .where(eq(schema.meldingen.id, m.meldingId));
    const [admin] = await db
      .insert(schema.staffUsers)
      .values({
        id: crypto.randomUUID(),
        email: 'beheer@soest.test',
        name: 'Beheerder',
        role: 'admin',
        passwordHash: 'x',
      })
      .returning({ id: schema.staffUsers.id });
    await db.transaction(async (tx) => {
      const row = await lockStuckJob(tx, stuck.id);
      if (!row) throw new Error('stuck job vanished');
      await requestStuckJobRetry(tx, row, {
        at: new Date(),
        byUserId: admin?.id ?? '',
        payload: {
          stuckJobId: row.id,
          kind: 'routing',
          meldingId: m.meldingId,
          statusEventId: m.statusEventId,
        },
      });
    });
    await notifyOutbox(db);
    await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld', {
      what: 'the retried melding to be routed',
    });
    await waitUntil(async () => (await findStuckJobByWorkKey(db, key))?.state === 'resolved');
    expect(await assignmentsOf(db, m.meldingId)).toHaveLength(1);
    expect((await listStuckJobs(db)).filter((j) => j.meldingId === m.meldingId)).toEqual([]);
  });

  it('gives up after the maximum of re-sends and shows the work as stuck; it resolves once done', async () => {
    const db = w.db;
    const m = await insertMelding(db, { withOutbox: false });
    // Routing waits on this lock: every re-send hangs, active, and the melding stays gemeld.
    const release = await holdMeldingLocks(w.testDb.url, [m.meldingId]);
    const key = workKeys.routing(m.statusEventId);
    try {
      const stuck = await waitUntil(
        async () => {
          const r = await findStuckJobByWorkKey(db, key);
          return r?.state === 'stuck' && r;
        },
        { what: 'reconciliation to give up' },
      );
      expect(stuck).toMatchObject({
        attempts: fast.maxAttempts,
        lastError: 'not done after 2 re-sends by reconciliation',
      });
      const routing = w.inspector.queue('routing');
      expect(await routing.getJob(jobIds.reconcile(key, 1))).toBeDefined();
      expect(await routing.getJob(jobIds.reconcile(key, 2))).toBeDefined();
      expect(await routing.getJob(jobIds.reconcile(key, 3))).toBeUndefined();
    } finally {
      await release();
    }
    // The hanging re-sends go on: the first routes it, the second finds the assignment.
    await waitUntil(async () => (await findStuckJobByWorkKey(db, key))?.state === 'resolved', {
      what: 'the stuck row to resolve',
    });
    expect(await assignmentsOf(db, m.meldingId)).toHaveLength(1);
    expect((await statusEventsOf(db, m.meldingId)).map((e) => e.toStatus)).toEqual(['gemeld', 'ingedeeld']);
  });
});
