import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { createRedisConnection, createWorker, type RosterJob } from '@buurtsignaal/jobs';
import { cleanRedisPrefix, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducerQueues, defaultRetry, jobIds, type ProducerQueues } from '../../src/queues.ts';
import { createRoutingProcessor, type RoutingDeps, routeMelding } from '../../src/routing/routing-worker.ts';
import {
  insertMelding,
  meldingRow,
  QueueInspector,
  silentLogger,
  statusEventsOf,
} from '../support/helpers.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

describe('routing is idempotent', () => {
  const database = useTestDatabase();
  let producer: Redis;
  let consumer: Redis;
  let queues: ProducerQueues;
  let inspector: QueueInspector;
  const prefix = testRedisPrefix('worker-routing');
  // The kill test gets keys of its own: BullMQ runs one stalled check per queue and interval, and an
  // earlier worker with the default 30 s interval would postpone the check this test waits for.
  const killPrefix = testRedisPrefix('worker-routing-kill');
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    producer = createRedisConnection({ url: testEnv.redisUrl, role: 'producer' });
    consumer = createRedisConnection({ url: testEnv.redisUrl, role: 'worker' });
    queues = createProducerQueues({
      connection: producer,
      prefix,
      retry: { routing: { attempts: 3, backoffMs: 50 }, notifications: defaultRetry.notifications },
      onError: () => {},
    });
    inspector = new QueueInspector(testEnv.redisUrl, prefix);
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await queues?.close();
    await inspector?.close();
    producer?.disconnect();
    consumer?.disconnect();
    await cleanRedisPrefix(prefix);
    await cleanRedisPrefix(killPrefix);
  });

  const enqueueInto = (target: ProducerQueues) => async (job: RosterJob) => {
    await target.roster(job.teamId).add('assignment', job, { jobId: jobIds.roster(job.assignmentId) });
  };

  const deps = (overrides: Partial<RoutingDeps> = {}): RoutingDeps => ({
    db: database.db,
    now: () => new Date(),
    logger: silentLogger,
    enqueueRoster: enqueueInto(queues),
    ...overrides,
  });

  async function expectRoutedOnce(meldingId: string, rosters = inspector) {
    const assignments = await listAssignmentsForMelding(database.db, meldingId);
    expect(assignments).toHaveLength(1);
    const events = await statusEventsOf(database.db, meldingId);
    expect(events.filter((e) => e.toStatus === 'ingedeeld')).toHaveLength(1);
    expect((await meldingRow(database.db, meldingId))?.status).toBe('ingedeeld');
    const rosterJobs = await rosters
      .roster('boa-team')
      .getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(rosterJobs.filter((j) => j.data.meldingId === meldingId).map((j) => j.id)).toEqual([
      `assignment-${assignments[0]?.id}`,
    ]);
  }

  it('a handler that runs twice assigns once', async () => {
    const m = await insertMelding(database.db, { withOutbox: false });
    const job = { meldingId: m.meldingId, statusEventId: m.statusEventId };
    const first = await routeMelding(deps(), job);
    const second = await routeMelding(deps(), job);
    expect(first.kind).toBe('assigned');
    expect(second).toEqual({ ...first, kind: 'already-assigned' });
    await expectRoutedOnce(m.meldingId);
  });

  it('two handlers at the same time assign once (the melding is locked)', async () => {
    const m = await insertMelding(database.db, { withOutbox: false });
    const job = { meldingId: m.meldingId, statusEventId: m.statusEventId };
    const outcomes = await Promise.all([
      routeMelding(deps(), job),
      routeMelding(deps(), job),
      routeMelding(deps(), job),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already-assigned', 'already-assigned', 'assigned']);
    await expectRoutedOnce(m.meldingId);
  });

  it('the same payload under two job ids, processed by a worker, assigns once', async () => {
    const worker = createWorker('routing', createRoutingProcessor(deps()), {
      connection: consumer,
      prefix,
      concurrency: 4,
    });
    worker.on('error', () => {});
    closers.push(() => worker.close());
    const m = await insertMelding(database.db, { withOutbox: false });
    const payload = { meldingId: m.meldingId, statusEventId: m.statusEventId };
    const jobs = await Promise.all([
      queues.routing.add('route', payload, { jobId: 'dup-a' }),
      queues.routing.add('route', payload, { jobId: 'dup-b' }),
    ]);
    for (const job of jobs) {
      await waitUntil(async () => (await job.getState()) === 'completed', {
        what: `job ${job.id} completed`,
      });
    }
    await expectRoutedOnce(m.meldingId);
    await worker.close();
  });

  it('a worker killed after the commit leaves a stalled job that a second worker completes, once', async () => {
    const killQueues = createProducerQueues({
      connection: producer,
      prefix: killPrefix,
      retry: { routing: { attempts: 3, backoffMs: 50 }, notifications: defaultRetry.notifications },
      onError: () => {},
    });
    const killInspector = new QueueInspector(testEnv.redisUrl, killPrefix);
    closers.push(
      () => killQueues.close(),
      () => killInspector.close(),
    );
    const stallOptions = {
      connection: consumer,
      prefix: killPrefix,
      lockDuration: 1_000,
      stalledInterval: 500,
    };
    const m = await insertMelding(database.db, { withOutbox: false });
    let committed = false;
    // First worker: commits the assignment, then hangs before the roster job (as if killed right there).
    const dying = createWorker(
      'routing',
      createRoutingProcessor(
        deps({
          enqueueRoster: () => {
            committed = true;
            return new Promise<void>(() => {});
          },
        }),
      ),
      stallOptions,
    );
    dying.on('error', () => {});
    const job = await killQueues.routing.add(
      'route',
      { meldingId: m.meldingId, statusEventId: m.statusEventId },
      { jobId: `kill-${m.meldingId}` },
    );
    await waitUntil(() => committed, { what: 'the first worker to commit' });
    expect(await listAssignmentsForMelding(database.db, m.meldingId)).toHaveLength(1);
    // Forced: the hanging job is abandoned with its lock, which then expires as after a crash.
    await dying.close(true);

    const rescuer = createWorker(
      'routing',
      createRoutingProcessor(deps({ enqueueRoster: enqueueInto(killQueues) })),
      stallOptions,
    );
    rescuer.on('error', () => {});
    closers.push(() => rescuer.close());
    await waitUntil(async () => (await job.getState()) === 'completed', {
      what: 'the stalled job to complete on the second worker',
      timeoutMs: 15_000,
    });
    const done = await killInspector.queue('routing').getJob(job.id ?? '');
    expect(done?.returnvalue).toMatchObject({ kind: 'already-assigned' });
    await expectRoutedOnce(m.meldingId, killInspector);
  });

  it('does not route a melding that staff already took in behandeling', async () => {
    const m = await insertMelding(database.db, { withOutbox: false });
    const { schema } = await import('@buurtsignaal/db');
    const { eq } = await import('drizzle-orm');
    await database.db
      .update(schema.meldingen)
      .set({ status: 'in_behandeling' })
      .where(eq(schema.meldingen.id, m.meldingId));
    const outcome = await routeMelding(deps(), { meldingId: m.meldingId, statusEventId: m.statusEventId });
    expect(outcome).toEqual({ kind: 'not-routable', status: 'in_behandeling' });
    expect(await listAssignmentsForMelding(database.db, m.meldingId)).toHaveLength(0);
  });
});
