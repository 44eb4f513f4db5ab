import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InsertedFixture, insertMelding } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

// SMTP is at-least-once: a worker killed after the relay accepted a mail and before 'sent' was
// committed cannot know the mail went out, and the next attempt sends it again (with the same
// Message-ID). This test kills the standalone worker with SIGKILL while it sends, over and over, and
// measures how many melders got their confirmation twice. Every kill can at most duplicate the mails
// that were between the SMTP server's answer and the commit at that moment — at most one per job
// running (WORKER_CONCURRENCY) — and no melder may end up without a mail.

const MELDERS = Number(process.env.MAIL_CRASH_MELDERS ?? 300);
const KILLS = Number(process.env.MAIL_CRASH_KILLS ?? 8);
const CONCURRENCY = 5;

describe('confirmation mails while the worker is killed with SIGKILL', () => {
  // The worker runs as a process of its own (spawned by the test), not in this one.
  const world = useWorkerHarness(testRedisPrefix('worker-mail-kill'), { start: false });
  const prefix = world.prefix;
  let worker: WorkerProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    env = {
      DATABASE_URL: world.testDb.url,
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: prefix,
      SMTP_URL: world.sink.url,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      // Short, so that attempts a kill left 'sending' are taken over within the test's time.
      MAIL_SEND_LEASE_MS: '3000',
      // A killed worker's jobs are taken over within seconds, not BullMQ's 30 s; a job killed twice in a
      // row fails as stalled, and the reconciliation sends it on (as it would in production, later).
      WORKER_LOCK_DURATION_MS: '6000',
      WORKER_STALLED_INTERVAL_MS: '2000',
      RECONCILE_EVERY_MS: '2000',
      RECONCILE_AFTER_MS: '15000',
      LOG_LEVEL: 'warn',
    };
  }, 60_000);

  afterAll(async () => {
    await worker?.kill();
  });

  const queuesDrained = () => world.inspector.drained(['routing', 'notifications']);

  it('every melder gets the confirmation; duplicates stay within what the kills can cause and share one Message-ID', async () => {
    const db = world.db;
    const meldingen: InsertedFixture[] = [];
    for (let i = 0; i < MELDERS; i++)
      meldingen.push(
        await insertMelding(db, { melder: { email: `kill-${i}@example.nl`, wantsFeedback: true } }),
      );

    worker = await spawnWorkerProcess(env);
    let kills = 0;
    while (kills < KILLS) {
      const before = world.sink.received.length;
      // Once the worker is sending (a few mails arrived since it started), kill it at a random moment
      // within the next second: not timed to a mail's arrival, which would aim at the window itself.
      const busy = await waitUntil(
        () => world.sink.received.length >= Math.min(MELDERS, before + 5) && 'busy',
        {
          timeoutMs: 30_000,
          intervalMs: 5,
          what: 'the worker to be sending',
        },
      ).catch(() => undefined);
      if (!busy || world.sink.received.length >= MELDERS) break;
      await new Promise((r) => setTimeout(r, Math.random() * 1_000));
      if (world.sink.received.length >= MELDERS) break;
      await worker.kill();
      kills++;
      worker = await spawnWorkerProcess(env);
    }

    await waitUntil(
      async () => {
        if (!worker?.alive()) return true;
        const perMelding = await Promise.all(
          meldingen.map(async (m) => {
            const rows = await listEmailDeliveries(db, m.meldingId);
            return rows.some((d) => d.status === 'sent') && rows.every((d) => d.status !== 'sending');
          }),
        );
        return perMelding.every(Boolean) && queuesDrained();
      },
      { timeoutMs: 150_000, intervalMs: 500, what: 'every confirmation to be sent and recorded' },
    ).catch(async (err: unknown) => {
      const failed = await world.inspector.queue('notifications').getFailed();
      const routingFailed = await world.inspector.queue('routing').getFailed();
      const counts = await world.inspector.queue('notifications').getJobCounts();
      throw new Error(
        `${String(err)}\nnotifications ${JSON.stringify(counts)}; failed: ${failed.map((j) => `${j.id}: ${j.failedReason}`).join('; ')}; routing failed: ${routingFailed.length}`,
      );
    });
    expect(worker?.alive(), worker?.output()).toBe(true);

    const mails = new Map<string, string[]>();
    for (const mail of world.sink.received) {
      for (const to of mail.envelopeTo)
        mails.set(to, [...(mails.get(to) ?? []), mail.parsed.messageId ?? '']);
    }
    const missing = meldingen.filter((_, i) => !mails.has(`kill-${i}@example.nl`)).length;
    const duplicated = [...mails.values()].filter((ids) => ids.length > 1);
    const duplicates = duplicated.reduce((n, ids) => n + ids.length - 1, 0);
    let unknown = 0;
    for (const m of meldingen) {
      const rows = await listEmailDeliveries(db, m.meldingId);
      expect(rows.filter((d) => d.status === 'sent')).toHaveLength(1);
      unknown += rows.filter((d) => d.status === 'unknown').length;
      expect(await listAssignmentsForMelding(db, m.meldingId)).toHaveLength(1);
    }
    console.log(
      `mail under kill -9: ${MELDERS} melders, ${kills} kills, ${unknown} attempts cut off while sending ` +
        `(outcome unknown, sent again), ${duplicates} duplicate mails ` +
        `(${((100 * duplicates) / MELDERS).toFixed(2)} % of melders; ${(duplicates / Math.max(1, kills)).toFixed(2)} per kill)`,
    );

    expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 3));
    expect(missing).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(kills * CONCURRENCY);
    // A copy carries the same Message-ID as the first: a mail system that de-duplicates drops it.
    for (const ids of duplicated) expect(new Set(ids).size).toBe(1);
  }, 300_000);
});
