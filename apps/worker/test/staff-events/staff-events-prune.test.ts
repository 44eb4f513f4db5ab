import { schema } from '@buurtsignaal/db';
import {
  listStaffEventsAfter,
  pruneStaffEventsBefore,
  recordStaffEvent,
} from '@buurtsignaal/db/tables/staff-events-repository';
import { testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../../src/config.ts';
import {
  STAFF_EVENTS_PRUNE_QUEUE,
  STAFF_EVENTS_PRUNE_SCHEDULER_ID,
} from '../../src/staff-events/staff-events-prune-scheduler.ts';
import { startWorker } from '../../src/worker.ts';
import { mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { insertRoutingMelding } from '../support/routing-fixtures.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// The live console's event log is pruned: events past the retention go, in batches, the newer stay;
// the worker runs the prune as a periodic job of its own.

const NOW = new Date('2026-06-05T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

describe('pruning staff events', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-staff-events-prune'), { start: false });

  /** The kinds of the events left, oldest first (each test names its events by tag and age). */
  const kindsLeft = async () =>
    (await listStaffEventsAfter(world.db, { after: 0, limit: 1_000 })).map((r) => r.kind);
  /** One event per age (hours before NOW), kind `<tag>-<age>h`. */
  const writeAged = async (tag: string, ages: number[]) => {
    const { meldingId } = await insertRoutingMelding(world.db, {
      category: 'jeugdoverlast',
      reportedAt: NOW,
    });
    for (const age of ages) {
      await recordStaffEvent(world.db, {
        kind: `${tag}-${age}h`,
        meldingId,
        dedupeKey: `${tag}-${age}`,
        at: hoursAgo(age),
      });
    }
  };

  it('deletes only the events older than the cut-off, however many batches that takes', async () => {
    await writeAged('a', [200, 100, 80, 73, 72.5, 71, 2, 0]);
    const deleted = await pruneStaffEventsBefore(world.db, { before: hoursAgo(72), batchSize: 2 });
    expect(deleted).toBe(5);
    expect(await kindsLeft()).toEqual(['a-71h', 'a-2h', 'a-0h']);
    // Run again: nothing more.
    expect(await pruneStaffEventsBefore(world.db, { before: hoursAgo(72), batchSize: 2 })).toBe(0);
    await world.db.delete(schema.staffEvents);
  });

  it('the worker schedules the prune and it runs with the retention of its configuration', async () => {
    await writeAged('b', [30, 25, 20, 1]);
    const { staffEventsRetentionMs } = loadWorkerConfig({ STAFF_EVENTS_RETENTION_HOURS: '24' });
    expect(loadWorkerConfig({}).staffEventsRetentionMs).toBe(72 * 3600_000);
    const worker = await startWorker({
      database: world.testDb.client,
      redisUrl: testEnv.redisUrl,
      prefix: world.prefix,
      mailer: world.mailer,
      mailFrom,
      publicBaseUrl,
      logger: silentLogger,
      now: () => NOW,
      staffEventsRetentionMs,
      staffEventsPruneEveryMs: 60_000,
    });
    const connection = new Redis(testEnv.redisUrl, { maxRetriesPerRequest: 1 });
    const queue = new Queue(STAFF_EVENTS_PRUNE_QUEUE, { connection, prefix: world.prefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([[STAFF_EVENTS_PRUNE_SCHEDULER_ID, 60_000]]);
      // A job scheduler runs its first job at once.
      await waitUntil(async () => (await kindsLeft()).length === 2, { what: 'the first prune run' });
      expect(await kindsLeft()).toEqual(['b-20h', 'b-1h']);
    } finally {
      await queue.close();
      connection.disconnect();
      await worker.close();
    }
  });
});
