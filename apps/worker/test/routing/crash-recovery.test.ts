import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workKeys } from '@buurtsignaal/jobs';
import { cleanRedisPrefix, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import {
  assignmentsOf,
  holdMeldingLocks,
  type InsertedFixture,
  insertMelding,
  meldingRow,
  QueueInspector,
  statusEventsOf,
} from '../support/helpers.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

// The incident of issue 8: the worker died twice in a row while routing jobs were active. BullMQ took
// the jobs over once, then failed them ("job stalled more than allowable limit") while their outbox
// rows were marked relayed, and the meldingen stayed gemeld for good. Here the real entry point
// (src/server.ts) is killed with SIGKILL twice during the same active jobs.

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const entry = join(root, 'apps/worker/src/server.ts');

describe('a worker killed twice during the same active routing jobs', () => {
  const database = useTestDatabase();
  let inspector: QueueInspector;
  const prefix = testRedisPrefix('worker-crash');
  const children: ChildProcess[] = [];
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-worker-crash-'));

  function startChild(reconcileAfterMs: number): ChildProcess {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !k.startsWith('SMTP_')) env[k] = v;
    Object.assign(env, {
      DATABASE_URL: database.testDb.url,
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: prefix,
      DATA_DIR: dataDir,
      WORKER_HEALTH_PORT: 'off',
      LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'warn',
      OUTBOX_SWEEP_INTERVAL_MS: '200',
      // Short locks so that a dead worker's jobs are taken over within seconds; one take-over allowed,
      // as by default: the second death fails the jobs.
      WORKER_LOCK_DURATION_MS: '1500',
      WORKER_STALLED_INTERVAL_MS: '500',
      WORKER_MAX_STALLED_COUNT: '1',
      RECONCILE_EVERY_MS: '300',
      RECONCILE_AFTER_MS: String(reconcileAfterMs),
    });
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (d: Buffer) => (output += d.toString()));
    children.push(child);
    return child;
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Waits until all these routing jobs are active, taken by a worker after `since`. */
  async function activeSince(meldingen: InsertedFixture[], since: number): Promise<void> {
    const routing = inspector.queue('routing');
    await waitUntil(
      async () => {
        const active = await routing.getJobs(['active']);
        const mine = active.filter((j) =>
          meldingen.some((m) => jobIds.routing(m.outboxId as number) === j.id),
        );
        return mine.length === meldingen.length && mine.every((j) => (j.processedOn ?? 0) >= since);
      },
      { timeoutMs: 60_000, intervalMs: 100, what: `the routing jobs to be active\n${output}` },
    );
  }

  beforeAll(async () => {
    inspector = new QueueInspector(testEnv.redisUrl, prefix);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) await kill(child);
    await inspector?.close();
    await cleanRedisPrefix(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('routes every melding exactly once', async () => {
    const db = database.db;
    const meldingen: InsertedFixture[] = [];
    for (let i = 0; i < 4; i++) meldingen.push(await insertMelding(db));
    // Routing waits on these row locks: the jobs stay active until the test lets go.
    const release = await holdMeldingLocks(
      database.testDb.url,
      meldingen.map((m) => m.meldingId),
    );
    try {
      // The two workers that die do not reconcile (their jobs are the ones to take over); the third does.
      const first = startChild(3_600_000);
      await activeSince(meldingen, 0);
      await kill(first);
      const killedAt = Date.now();
      const second = startChild(3_600_000);
      // Taken over by the second worker (the first one's locks expired), and waiting on the lock again.
      await activeSince(meldingen, killedAt);
      await kill(second);
    } finally {
      await release();
    }
    const routing = inspector.queue('routing');
    startChild(1_000);
    // The third worker fails the jobs (stalled twice: BullMQ fails them when it takes them) — and
    // reconciliation routes the meldingen.
    await waitUntil(
      async () => {
        const states = await Promise.all(
          meldingen.map((m) => routing.getJobState(jobIds.routing(m.outboxId as number))),
        );
        return states.every((s) => s === 'failed');
      },
      { timeoutMs: 30_000, what: `the routing jobs to be failed\n${output}` },
    );
    const failed = await routing.getJob(jobIds.routing(meldingen[0]?.outboxId as number));
    expect(failed?.failedReason).toBe('job stalled more than allowable limit');
    for (const m of meldingen) {
      await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld', {
        timeoutMs: 30_000,
        what: `melding ${m.reference} to be routed\n${output}`,
      });
    }
    for (const m of meldingen) {
      expect(await assignmentsOf(db, m.meldingId)).toHaveLength(1);
      expect((await statusEventsOf(db, m.meldingId)).map((e) => e.toStatus)).toEqual(['gemeld', 'ingedeeld']);
      expect(await routing.getJobState(jobIds.reconcile(workKeys.routing(m.statusEventId), 1))).toBe(
        'completed',
      );
    }
    const [assignment] = await assignmentsOf(db, meldingen[0]?.meldingId as string);
    // The dispatch worker may already have taken them (and added its later steps under other names).
    const roster = (
      await inspector.roster(assignment?.teamId as string).getJobs(['waiting', 'active', 'completed'])
    ).filter((j) => j.name === 'assignment');
    expect(roster.map((j) => j.data.meldingId).sort()).toEqual(meldingen.map((m) => m.meldingId).sort());
  }, 150_000);
});
