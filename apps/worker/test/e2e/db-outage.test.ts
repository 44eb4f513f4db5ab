import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { TcpProxy, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InsertedFixture, insertMelding, meldingRow } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

// The standalone worker reaches PostgreSQL through a proxy of this test's own; cutting it closes every
// connection the worker has — pool clients in the middle of a transaction and the LISTEN connection —
// and refuses new ones, without touching the shared PostgreSQL behind it.

const MELDINGEN = 120;
// Meldingen written but not yet confirmed: keeps routing and mail jobs running all through the test.
const IN_FLIGHT = 25;

describe('PostgreSQL drops while routing and notification jobs run', () => {
  // The worker runs as a process of its own, reaching PostgreSQL through this file's TCP proxy.
  const world = useWorkerHarness(testRedisPrefix('worker-db-outage'), { start: false });
  const prefix = world.prefix;
  let proxy: TcpProxy;
  let worker: WorkerProcess;

  beforeAll(async () => {
    const testDb = world.testDb;
    const target = new URL(testDb.url);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(testDb.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    worker = await spawnWorkerProcess({
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: prefix,
      SMTP_URL: world.sink.url,
      // Ten minutes: rows written while LISTEN was down are found because LISTEN comes back and the
      // relay then sweeps, not because a sweep happens to run.
      OUTBOX_SWEEP_INTERVAL_MS: '600000',
      WORKER_CONCURRENCY: '5',
      LOG_LEVEL: 'info',
    });
  }, 90_000);

  afterAll(async () => {
    await worker?.kill();
    await proxy?.close();
  });

  /** What the worker wrote, without its info lines (one per routed melding). */
  const lastWords = () =>
    worker
      .output()
      .split('\n')
      .filter((line) => !line.includes('"level":30'))
      .slice(-40)
      .join('\n');
  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));

  const queuesDrained = () => world.inspector.drained(['routing', 'notifications']);

  it('stays up, and afterwards every melding is routed exactly once and confirmed by one mail', async () => {
    const db = world.db;
    const meldingen: InsertedFixture[] = [];
    // Written straight to PostgreSQL (not through the proxy), as the API would keep doing.
    const producing = (async () => {
      while (meldingen.length < MELDINGEN) {
        await waitUntil(() => meldingen.length - world.sink.received.length < IN_FLIGHT, {
          timeoutMs: 60_000,
          intervalMs: 20,
          what: 'the worker to catch up',
        });
        const n = meldingen.length;
        const batch = await Promise.all(
          [0, 1, 2, 3, 4].map((j) =>
            insertMelding(db, { melder: { email: `uitval-${n + j}@example.nl`, wantsFeedback: true } }),
          ),
        );
        meldingen.push(...batch);
      }
    })();

    const cuts: { mailed: number; written: number }[] = [];
    for (const afterMails of [20, 60]) {
      await waitUntil(() => world.sink.received.length >= afterMails, {
        timeoutMs: 60_000,
        what: `${afterMails} mails before cutting`,
      });
      cuts.push({ mailed: world.sink.received.length, written: meldingen.length });
      proxy.cutConnections();
      // Cut until the worker itself says its database is gone; then let it come back.
      const noticed = await waitUntil(
        async () => {
          if (!worker.alive()) return 'died';
          const h = await worker.health();
          return h !== undefined && h.status === 503 && h.checks.database !== 'ok' && 'noticed';
        },
        { what: 'the worker to notice the database is gone' },
      );
      expect(noticed, `the worker died:\n${lastWords()}`).toBe('noticed');
      proxy.restore();
      await waitUntil(async () => (await worker.health())?.status === 200, {
        what: 'the worker to be ready again',
      });
    }
    await producing;

    await waitUntil(
      async () => {
        if (!worker.alive()) return true;
        return world.sink.received.length >= MELDINGEN && queuesDrained();
      },
      { timeoutMs: 120_000, intervalMs: 250, what: 'every melding to be routed and confirmed' },
    );
    expect(worker.alive(), `the worker died:\n${lastWords()}`).toBe(true);

    // LISTEN is back: with the sweep ten minutes away, only a NOTIFY can bring this one in.
    const late = await insertMelding(db, {
      melder: { email: 'na-de-uitval@example.nl', wantsFeedback: true },
    });
    meldingen.push(late);
    await waitUntil(() => mailsTo('na-de-uitval@example.nl').length === 1, {
      what: 'a melding written after the outage to be picked up through LISTEN',
    });
    await waitUntil(queuesDrained, { what: 'the queues to drain' });

    expect(worker.alive()).toBe(true);
    const output = worker.output();
    expect(output).not.toMatch(/Unhandled 'error' event|Connection terminated unexpectedly\n\s+at /);
    // The cuts hit the worker while it worked: connections were lost, jobs failed and were retried,
    // LISTEN came back after each cut.
    for (const c of cuts) expect(c.mailed).toBeLessThan(c.written);
    expect(output).toContain('database connection error');
    expect(output).toContain('job failed');
    expect(output.match(/outbox LISTEN re-established/g)?.length ?? 0).toBeGreaterThanOrEqual(cuts.length);

    for (const m of meldingen) {
      expect((await meldingRow(db, m.meldingId))?.status).toBe('ingedeeld');
      expect(await listAssignmentsForMelding(db, m.meldingId)).toHaveLength(1);
      const sent = (await listEmailDeliveries(db, m.meldingId)).filter((d) => d.status === 'sent');
      expect(sent).toHaveLength(1);
    }
    const perAddress = new Map<string, number>();
    for (const mail of world.sink.received)
      for (const to of mail.envelopeTo) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(meldingen.length);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  }, 240_000);
});
