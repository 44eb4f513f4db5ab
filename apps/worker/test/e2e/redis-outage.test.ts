import * as schema from '@buurtsignaal/db/schema';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { OwnRedis, testRedisPrefix, waitForIdleQueues, waitUntil } from '@buurtsignaal/testkit';
import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMelding, meldingRow, outboxOf } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

describe('Redis down while meldingen come in', () => {
  let redis: OwnRedis;
  // An own redis-server, so that stopping it hurts no other test file; it starts empty each time.
  const prefix = testRedisPrefix('worker-outage');
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    redis = await OwnRedis.start();
  });
  afterAll(async () => {
    await redis?.stop();
    process.off('unhandledRejection', onUnhandled);
  });
  // Registered after the own Redis: it starts once that runs, and stops before it is stopped.
  const world = useWorkerHarness(prefix, {
    redisUrl: () => redis.url,
    outboxRetryBackoff: { baseMs: 100, maxMs: 400 },
  });

  it('keeps the rows pending, then relays and delivers each exactly once when Redis is back', async () => {
    const db = world.db;
    // Healthy first: the wiring works.
    const warmup = await insertMelding(db, { melder: { email: 'voor@example.nl', wantsFeedback: true } });
    await world.sink.waitFor(1);
    expect((await meldingRow(db, warmup.meldingId))?.status).toBe('ingedeeld');

    await redis.stop();
    const during = [
      await insertMelding(db, { melder: { email: 'tijdens-1@example.nl', wantsFeedback: true } }),
      await insertMelding(db, { melder: { email: 'tijdens-2@example.nl', wantsFeedback: true } }),
    ];
    // The relay tried (LISTEN woke it, sweeps repeat it) and failed fast; the rows wait.
    await waitUntil(
      async () => {
        const rows = (await Promise.all(during.map((m) => outboxOf(db, m.meldingId)))).flat();
        return rows.every((r) => r.attempts >= 2 && r.lastError !== null) && rows;
      },
      { what: 'failed relay attempts', timeoutMs: 10_000 },
    );
    for (const m of during) {
      const [row] = await outboxOf(db, m.meldingId);
      expect(row?.relayedAt).toBeNull();
      expect((await meldingRow(db, m.meldingId))?.status).toBe('gemeld');
    }
    expect(world.sink.received).toHaveLength(1);

    await redis.start();
    await world.sink.waitFor(3, 20_000);
    for (const m of during) {
      await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld', {
        what: 'routing after the outage',
      });
      const [row] = await outboxOf(db, m.meldingId);
      expect(row?.relayedAt).not.toBeNull();
      expect(await listAssignmentsForMelding(db, m.meldingId)).toHaveLength(1);
    }
    // Exactly once: count only when nothing is left that could send a duplicate — every outbox row
    // relayed, no job waiting, active or delayed.
    await waitUntil(
      async () => (await db.select().from(schema.outbox).where(isNull(schema.outbox.relayedAt))).length === 0,
      { what: 'every outbox row relayed' },
    );
    await waitForIdleQueues(prefix, { url: redis.url });
    const addresses = world.sink.received.flatMap((m) => m.envelopeTo).sort();
    expect(addresses).toEqual(['tijdens-1@example.nl', 'tijdens-2@example.nl', 'voor@example.nl']);
    for (const m of during) {
      expect((await listEmailDeliveries(db, m.meldingId)).map((d) => d.status)).toEqual(['sent']);
    }
    expect(unhandled).toEqual([]);
  });
});
