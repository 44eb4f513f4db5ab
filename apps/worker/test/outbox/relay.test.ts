import { randomUUID } from 'node:crypto';
import { notifyOutbox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import type { PendingOutboxRow } from '@buurtsignaal/db/tables/outbox-repository';
import { createRedisConnection } from '@buurtsignaal/jobs';
import { cleanRedisPrefix, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { inArray, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishOutboxRow } from '../../src/outbox/outbox-jobs.ts';
import { createOutboxRelay, type OutboxRelay } from '../../src/outbox/outbox-relay.ts';
import { createProducerQueues, defaultRetry, type ProducerQueues } from '../../src/queues.ts';
import { insertOutbox, silentLogger } from '../support/helpers.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

describe('outbox relay on PostgreSQL', () => {
  const database = useTestDatabase({ poolMax: 10 });
  let producer: Redis;
  let queues: ProducerQueues;
  const prefix = testRedisPrefix('worker-relay');

  beforeAll(async () => {
    producer = createRedisConnection({ url: testEnv.redisUrl, role: 'producer' });
    queues = createProducerQueues({ connection: producer, prefix, retry: defaultRetry, onError: () => {} });
  });

  afterAll(async () => {
    await queues?.close();
    producer?.disconnect();
    await cleanRedisPrefix(prefix);
  });

  const relay = (publish: (row: PendingOutboxRow) => Promise<void>, batchSize = 7): OutboxRelay =>
    createOutboxRelay({
      database: database.testDb.client,
      publish,
      logger: silentLogger,
      now: () => new Date(),
      sweepIntervalMs: 60_000,
      batchSize,
      retryBackoff: { baseMs: 60_000, maxMs: 60_000 },
    });

  // The relay needs no melding behind a row: it moves ids, it does not read the melding.
  async function insertRows(count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push(await insertOutbox(database.db, randomUUID(), 10_000 + i));
    await notifyOutbox(database.db);
    return ids;
  }

  async function rowsById(ids: number[]) {
    return database.db.select().from(schema.outbox).where(inArray(schema.outbox.id, ids));
  }

  it('two relays at the same time publish each row exactly once', async () => {
    const ids = await insertRows(40);
    const published = new Map<number, number>();
    const counting = async (row: PendingOutboxRow) => {
      published.set(row.id, (published.get(row.id) ?? 0) + 1);
      // A little Redis latency, so that the two relays' transactions overlap.
      await new Promise((r) => setTimeout(r, 5));
      await publishOutboxRow(queues, row);
    };
    const a = relay(counting);
    const b = relay(counting);
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);

    const rows = await rowsById(ids);
    expect(rows.every((r) => r.relayedAt !== null)).toBe(true);
    expect(ids.map((id) => published.get(id))).toEqual(ids.map(() => 1));
    expect(a.relayedCount + b.relayedCount).toBe(40);
    const counts = await queues.routing.getJobCounts('waiting');
    expect(counts.waiting).toBe(40);
    expect((await queues.notifications.getJobCounts('waiting')).waiting).toBe(40);
  });

  it('a row published before a crash (not marked) is published again without a second job', async () => {
    const before = (await queues.routing.getJobCounts('waiting')).waiting ?? 0;
    const [id] = await insertRows(1);
    const [row] = await rowsById([id as number]);
    if (!row) throw new Error('row missing');
    // The crashed relay got as far as add(), not as far as marking the row.
    await publishOutboxRow(queues, { ...row, payload: row.payload });
    await relay((r) => publishOutboxRow(queues, r)).drain();
    expect((await rowsById([row.id]))[0]?.relayedAt).not.toBeNull();
    expect((await queues.routing.getJobCounts('waiting')).waiting).toBe(before + 1);
    expect(await queues.routing.getJob(`routing-${row.id}`)).toBeDefined();
  });

  it('keeps rows pending with attempts, error and a later available_at when publishing fails', async () => {
    const ids = await insertRows(3);
    const failing = relay(async () => {
      throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
    });
    await failing.drain();
    const rows = await rowsById(ids);
    for (const row of rows) {
      expect(row.relayedAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain('enableOfflineQueue');
      expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    }
    // Not due yet: a healthy relay leaves them alone until the backoff has passed.
    const healthy = relay((r) => publishOutboxRow(queues, r));
    await healthy.drain();
    expect(healthy.relayedCount).toBe(0);
  });

  it('bounds the wait for a Redis that does not answer', async () => {
    const [id] = await insertRows(1);
    const hanging = createOutboxRelay({
      database: database.testDb.client,
      publish: () => new Promise<void>(() => {}),
      logger: silentLogger,
      now: () => new Date(),
      sweepIntervalMs: 60_000,
      publishTimeoutMs: 200,
      retryBackoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    const started = Date.now();
    await hanging.drain();
    expect(Date.now() - started).toBeLessThan(5_000);
    const [row] = await rowsById([id as number]);
    expect(row?.relayedAt).toBeNull();
    expect(row?.lastError).toMatch(/longer than 200 ms/);
  });

  it("puts a rerouted assignment on its team's roster queue once, however often the row is published", async () => {
    const meldingId = randomUUID();
    const assignmentId = randomUUID();
    const payload = { meldingId, assignmentId, teamId: 'politie', priority: 'spoed' };
    const [row] = await database.db
      .insert(schema.outbox)
      .values({ topic: 'melding.rerouted', aggregateId: meldingId, payload })
      .returning();
    const pending = {
      id: Number(row?.id),
      topic: 'melding.rerouted',
      aggregateId: meldingId,
      payload,
      attempts: 0,
    };
    await publishOutboxRow(queues, pending);
    await publishOutboxRow(queues, pending);
    const jobs = await queues.roster('politie').getJobs(['waiting', 'delayed', 'active']);
    expect(jobs.map((j) => ({ id: j.id, data: j.data }))).toEqual([
      { id: `assignment-${assignmentId}`, data: payload },
    ]);
    // A payload without its ids is kept, not half-published.
    await expect(publishOutboxRow(queues, { ...pending, payload: { meldingId } })).rejects.toThrow(
      /needs meldingId, assignmentId, teamId and priority/,
    );
  });

  it('keeps a row of an unknown topic (not lost, visible)', async () => {
    const [row] = await database.db
      .insert(schema.outbox)
      .values({ topic: 'melding.onbekend', aggregateId: randomUUID(), payload: {} })
      .returning();
    await relay((r) => publishOutboxRow(queues, r)).drain();
    const [after] = await rowsById([row?.id as number]);
    expect(after?.relayedAt).toBeNull();
    expect(after?.lastError).toMatch(/unknown topic/);
  });

  it('wakes itself for a row whose backoff has passed, without waiting for the sweep', async () => {
    let failuresLeft = 1;
    const flaky = createOutboxRelay({
      database: database.testDb.client,
      publish: async (row) => {
        if (failuresLeft-- > 0) throw new Error('Connection is closed.');
        await publishOutboxRow(queues, row);
      },
      logger: silentLogger,
      now: () => new Date(),
      sweepIntervalMs: 60_000,
      retryBackoff: { baseMs: 100, maxMs: 100 },
    });
    await flaky.start();
    try {
      // Everything before this file's earlier tests is not due for a minute; this row is.
      const [id] = await insertRows(1);
      await waitUntil(async () => (await rowsById([id as number]))[0]?.relayedAt != null, {
        what: 'the retried row to be relayed',
        timeoutMs: 3_000,
      });
      const [row] = await rowsById([id as number]);
      expect(row?.attempts).toBe(1);
    } finally {
      await flaky.stop();
    }
  });

  it('wakes for a row still backing off when a pass relayed only the others (no sweep, no NOTIFY)', async () => {
    const steady = relay((row) => publishOutboxRow(queues, row));
    await steady.start();
    try {
      // One row failed earlier and is due in 300 ms; another is due now and goes at once.
      const [waiting] = await database.db
        .insert(schema.outbox)
        .values({
          topic: 'melding.gemeld',
          aggregateId: randomUUID(),
          payload: { meldingId: randomUUID(), statusEventId: 20_001 },
          attempts: 1,
          availableAt: sql`now() + interval '300 milliseconds'`,
        })
        .returning();
      const [due] = await insertRows(1);
      await waitUntil(async () => (await rowsById([due as number]))[0]?.relayedAt != null, {
        what: 'the due row to be relayed',
      });
      // The backing-off row goes once its time has come, though the sweep is a minute away.
      await waitUntil(async () => (await rowsById([waiting?.id as number]))[0]?.relayedAt != null, {
        what: 'the backing-off row to be relayed without a sweep',
        timeoutMs: 3_000,
      });
    } finally {
      await steady.stop();
    }
  });
});
