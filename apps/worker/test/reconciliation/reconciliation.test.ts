import { notifyOutbox } from '@buurtsignaal/db';
import { findDueWork } from '@buurtsignaal/db/queries/reconciliation/due-work';
import { listStuckJobs } from '@buurtsignaal/db/queries/reconciliation/stuck-jobs';
import * as schema from '@buurtsignaal/db/schema';
import { recordNotificationSkipped } from '@buurtsignaal/db/tables/email-deliveries-repository';
import {
  findStuckJobByWorkKey,
  lockStuckJob,
  recordReconcileAttempt,
  requestStuckJobRetry,
  settleReconciledWork,
} from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { notificationKeys, workKeys } from '@buurtsignaal/jobs';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestDatabase,
  createTestPglite,
  SmtpSink,
  type TestDatabase,
  testEnv,
  testRedisPrefix,
  waitUntil,
} from '@buurtsignaal/testkit';
import { Queue, Worker } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { type RunningWorker, startWorker } from '../../src/worker.ts';
import {
  assignmentsOf,
  holdMeldingLocks,
  insertMelding,
  mailFrom,
  meldingRow,
  publicBaseUrl,
  QueueInspector,
  silentLogger,
  statusEventsOf,
} from '../support/helpers.ts';

// The issue this answers: routing jobs that BullMQ failed ("job stalled more than allowable limit")
// while their outbox rows were marked relayed — the meldingen stayed gemeld for good. Reconciliation
// reads the database, not Redis, to find such work and send it on under new job ids.

// afterMs well above a mail's own send time here, even on a busy machine: a send in flight has no
// record yet, and reconciliation would send it beside its own job (as it would after five minutes).
const fast = { everyMs: 150, afterMs: 1_500, maxAttempts: 2 };

interface World {
  testDb: TestDatabase;
  sink: SmtpSink;
  mailer: Mailer;
  inspector: QueueInspector;
  worker?: RunningWorker;
  start(): Promise<RunningWorker>;
  close(): Promise<void>;
}

async function world(prefix: string): Promise<World> {
  const testDb = await createTestDatabase();
  const sink = await SmtpSink.start();
  const mailer = createMailTransport({ smtpUrl: sink.url });
  const inspector = new QueueInspector(testEnv.redisUrl, prefix);
  const w: World = {
    testDb,
    sink,
    mailer,
    inspector,
    async start() {
      w.worker = await startWorker({
        database: testDb.client,
        redisUrl: testEnv.redisUrl,
        prefix,
        mailer,
        mailFrom,
        publicBaseUrl,
        logger: silentLogger,
        sweepIntervalMs: 200,
        retry: { routing: { attempts: 2, backoffMs: 20 }, notifications: { attempts: 2, backoffMs: 20 } },
        reconcile: fast,
      });
      return w.worker;
    },
    async close() {
      await w.worker?.close();
      await inspector.close();
      mailer.close();
      await sink.close();
      await testDb.drop();
      await cleanRedisPrefix(prefix);
    },
  };
  return w;
}

/** Waits for `passes` reconciliation runs that started after this call (no sleeping). */
async function afterMorePasses(inspector: QueueInspector, passes: number): Promise<void> {
  const start = Date.now();
  const queue = inspector.queue('reconciliation' as 'routing');
  await waitUntil(
    async () => {
      const done = await queue.getJobs(['completed'], 0, passes + 5);
      return done.filter((j) => (j.processedOn ?? 0) > start).length >= passes;
    },
    { what: `${passes} more reconciliation passes` },
  );
}

describe('reconciliation: a routing job forced into the failed set', () => {
  let w: World;
  const prefix = testRedisPrefix('worker-reconcile-failed');

  beforeAll(async () => {
    w = await world(prefix);
  });
  afterAll(async () => w?.close());

  it('routes the melding once, under a new job id, although its own job stays failed', async () => {
    const db = w.testDb.client.db;
    const m = await insertMelding(db);
    const routingJobId = jobIds.routing(m.outboxId as number);
    // Before any worker of ours runs: the routing job is added as the relay would add it, and a
    // handler that throws until its attempts are exhausted puts it in the failed set.
    const connection = new Redis(testEnv.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('routing', { connection, prefix });
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
      { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix },
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
    expect(await w.inspector.roster(assignment?.teamId ?? '').getJobCounts('waiting')).toMatchObject({
      waiting: 1,
    });
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

describe('reconciliation with a running worker', () => {
  let w: World;
  const prefix = testRedisPrefix('worker-reconcile');

  beforeAll(async () => {
    w = await world(prefix);
    await w.start();
  });
  afterAll(async () => w?.close());

  /** A status change whose outbox row was relayed but whose job never reached Redis (lost). */
  async function lostStatusChange(meldingId: string, to: string): Promise<number> {
    return w.testDb.client.db.transaction(async (tx) => {
      await tx.update(schema.meldingen).set({ status: to }).where(eq(schema.meldingen.id, meldingId));
      const [event] = await tx
        .insert(schema.statusEvents)
        .values({ meldingId, fromStatus: 'ingedeeld', toStatus: to, actor: 'staff:test-officer' })
        .returning({ id: schema.statusEvents.id });
      const statusEventId = Number(event?.id);
      await tx.insert(schema.outbox).values({
        topic: 'melding.status_changed',
        aggregateId: meldingId,
        payload: { meldingId, statusEventId },
        relayedAt: new Date(),
      });
      return statusEventId;
    });
  }

  it('sends a lost terugkoppeling exactly once, and records a skip for a melder without address', async () => {
    const db = w.testDb.client.db;
    const withMail = await insertMelding(db, { melder: { email: 'kwijt@example.nl', wantsFeedback: true } });
    const anonymous = await insertMelding(db);
    for (const m of [withMail, anonymous]) {
      await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld');
    }
    await waitUntil(() => w.sink.received.length === 1, { what: 'the ontvangen mail' });
    const mailed = await lostStatusChange(withMail.meldingId, 'in_behandeling');
    const skipped = await lostStatusChange(anonymous.meldingId, 'in_behandeling');

    await waitUntil(() => w.sink.received.length === 2, { what: 'the lost terugkoppeling' });
    const mailedKey = workKeys.notification(notificationKeys.statusGewijzigd(mailed));
    const skippedKey = workKeys.notification(notificationKeys.statusGewijzigd(skipped));
    await waitUntil(async () => (await findStuckJobByWorkKey(db, skippedKey))?.state === 'resolved', {
      what: 'the skip to settle the anonymous one',
    });
    await waitUntil(async () => (await findStuckJobByWorkKey(db, mailedKey))?.state === 'resolved');
    const skips = await db
      .select()
      .from(schema.emailDeliveries)
      .where(
        and(
          eq(schema.emailDeliveries.meldingId, anonymous.meldingId),
          eq(schema.emailDeliveries.status, 'skipped'),
        ),
      );
    expect(skips.map((s) => [s.notificationKey, s.error])).toEqual([
      [notificationKeys.ontvangen(anonymous.statusEventId), 'no_recipient'],
      [notificationKeys.statusGewijzigd(skipped), 'no_recipient'],
    ]);
    await afterMorePasses(w.inspector, 3);
    expect(w.sink.received).toHaveLength(2);
    for (const key of [mailedKey, skippedKey]) {
      expect(await findStuckJobByWorkKey(db, key)).toMatchObject({ state: 'resolved', attempts: 1 });
    }
  });

  it('shows a routing job that fails for good as stuck at once, re-sends it, and routes it after an admin retry', async () => {
    const db = w.testDb.client.db;
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
    const db = w.testDb.client.db;
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

describe('reconciliation on the embedded PGlite', () => {
  it('finds an unrouted melding and a notification without a final record, and settles them', async () => {
    const database = await createTestPglite();
    try {
      const db = database.db;
      const m = await insertMelding(db, { melder: { email: 'pglite@example.nl', wantsFeedback: true } });
      await db
        .update(schema.outbox)
        .set({ relayedAt: new Date() })
        .where(eq(schema.outbox.aggregateId, m.meldingId));
      const later = new Date(Date.now() + 60_000);
      const due = await findDueWork(db, {
        dueBefore: later,
        notificationsSince: new Date(0),
        limit: 10,
        maxAttempts: 3,
      });
      expect(due.map((d) => d.workKey).sort()).toEqual(
        [
          workKeys.routing(m.statusEventId),
          workKeys.notification(notificationKeys.ontvangen(m.statusEventId)),
        ].sort(),
      );
      for (const work of due) expect(await recordReconcileAttempt(db, work, later)).toBe(1);
      await recordNotificationSkipped(db, {
        meldingId: m.meldingId,
        notificationKey: notificationKeys.ontvangen(m.statusEventId),
        template: 'ontvangen',
        reason: 'no_recipient',
      });
      expect(await settleReconciledWork(db, later)).toEqual({ resolved: 1, stuck: 0 });
    } finally {
      await database.close();
    }
  });
});
