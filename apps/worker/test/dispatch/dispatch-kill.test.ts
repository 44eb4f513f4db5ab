import { randomUUID } from 'node:crypto';
import { seedReferenceData } from '@buurtsignaal/db';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { insertRoutingMelding } from '../support/routing-fixtures.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

// The dispatch worker killed mid-dispatch, twice in a row: the standalone worker (a process of its own,
// real clock) is sending the notices of several meldingen to the police on duty through a slow mail
// relay when it gets SIGKILL; a fresh worker takes over, and is killed too while sending; a third one
// finishes. Every officer ends up told exactly once per melding and channel: one notice row each, all
// sent, and one mail each — a copy after a kill (the relay accepted it, the worker died before it
// wrote 'sent') carries the same Message-ID, so a mail system that de-duplicates drops it.

const MELDINGEN = 10;
const CONCURRENCY = 5;
const officers = ['A. Agent', 'B. Agent', 'C. Agent'].map((name) => ({ id: randomUUID(), name }));

describe('dispatch while the worker is killed with SIGKILL', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-dispatch-kill'), { start: false });
  let worker: WorkerProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    for (const o of officers)
      await insertStaffUser(world.db, {
        ...o,
        email: `${o.id}@politie.test`,
        role: 'politie',
        teamIds: ['politie-basisteam'],
        passwordHash: 'not-a-login',
      });
    // The seed puts them on the police shifts (around the clock), generated from now on.
    await seedReferenceData(world.db);
    await generateShiftInstancesAhead(world.db, { now: new Date(Date.now() - 24 * 3_600_000) });
    env = {
      DATABASE_URL: world.testDb.url,
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: world.prefix,
      SMTP_URL: world.sink.url,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      // Attempts a kill left 'sending' are taken over after 3 s; a killed worker's jobs after ~3 s.
      MAIL_SEND_LEASE_MS: '3000',
      WORKER_LOCK_DURATION_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      // WORKER_MAX_STALLED_COUNT stays at its default (1): the roster workers allow take-overs enough
      // for a job that ran in both killed workers (dispatch-worker.ts DISPATCH_MIN_STALLED_COUNT).
      LOG_LEVEL: 'warn',
    };
    // 400 ms a mail: a dispatch of three officers takes over a second, so a kill lands mid-dispatch.
    world.sink.acceptDelayMs = 400;
  }, 60_000);

  afterAll(async () => {
    await worker?.kill();
  });

  it('tells each officer once per melding and channel, through two kills in a row', async () => {
    const queue = world.inspector.roster('politie-basisteam');
    const jobs: { meldingId: string; assignmentId: string; reference: string }[] = [];
    for (let i = 0; i < MELDINGEN; i++) {
      const now = new Date();
      const { meldingId, statusEventId } = await insertRoutingMelding(world.db, {
        category: 'jeugdoverlast',
        reportedAt: now,
      });
      const assignmentId = randomUUID();
      await world.db.transaction((tx) =>
        recordAssignment(tx, {
          id: assignmentId,
          meldingId,
          routingKey: `event-${statusEventId}`,
          teamId: 'politie-basisteam',
          priority: 'spoed',
          reason: 'test',
          fromStatus: 'gemeld',
          at: now,
          deadlineAt: null,
        }),
      );
      const job = { meldingId, assignmentId, teamId: 'politie-basisteam', priority: 'spoed' };
      // The retry policy of the roster queues (queues.ts): a take-over that finds mails held retries.
      await queue.add('assignment', job, {
        jobId: jobIds.roster(assignmentId),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1_000 },
      });
      const { schema } = await import('@buurtsignaal/db');
      const { eq } = await import('drizzle-orm');
      const [row] = await world.db
        .select({ reference: schema.meldingen.reference })
        .from(schema.meldingen)
        .where(eq(schema.meldingen.id, meldingId));
      jobs.push({ meldingId, assignmentId, reference: row?.reference ?? '' });
    }
    const total = MELDINGEN * officers.length;

    worker = await spawnWorkerProcess(env);
    const killedAt: number[] = [];
    const sendingAtKill: number[] = [];
    for (let kill = 0; kill < 2; kill++) {
      const before = world.sink.received.length;
      await waitUntil(() => world.sink.received.length >= before + 3, {
        timeoutMs: 60_000,
        intervalMs: 5,
        what: `worker ${kill + 1} to be sending`,
      });
      // At a random moment while it sends, not timed to one mail's arrival.
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      killedAt.push(world.sink.received.length);
      const held = await Promise.all(jobs.map((j) => listNoticesForMelding(world.db, j.meldingId)));
      sendingAtKill.push(held.flat().filter((n) => n.status === 'sending').length);
      await worker.kill();
      worker = await spawnWorkerProcess(env);
    }
    // Both kills came while notices were still to be sent.
    expect(
      killedAt.every((n) => n < total),
      `mails at the kills: ${killedAt.join(', ')}`,
    ).toBe(true);

    await waitUntil(
      async () => {
        const all = await Promise.all(jobs.map((j) => listNoticesForMelding(world.db, j.meldingId)));
        return all.every((n) => n.length === officers.length * 2 && n.every((x) => x.status === 'sent'));
      },
      { timeoutMs: 120_000, intervalMs: 250, what: 'every notice sent' },
    ).catch(async (err: unknown) => {
      const failed = await queue.getFailed();
      throw new Error(
        `${String(err)}; failed: ${failed.map((j) => `${j.id}: ${j.failedReason}`).join('; ')}`,
      );
    });
    expect(worker.alive(), worker.output()).toBe(true);

    const byMelding = new Map(jobs.map((j) => [j.reference, j]));
    const mailIds = new Map<string, Set<string>>();
    let copies = 0;
    for (const mail of world.sink.received) {
      const reference = [...byMelding.keys()].find((r) => mail.parsed.subject?.includes(r));
      if (!reference) continue;
      for (const to of mail.envelopeTo) {
        const key = `${reference}/${to}`;
        const ids = mailIds.get(key) ?? new Set<string>();
        if (ids.size > 0) copies++;
        ids.add(mail.parsed.messageId ?? '');
        mailIds.set(key, ids);
      }
    }
    for (const j of jobs) {
      const notices = await listNoticesForMelding(world.db, j.meldingId);
      expect(notices.map((n) => `${n.userId}/${n.channel}/${n.step}`).sort()).toEqual(
        officers.flatMap((o) => [`${o.id}/console/0`, `${o.id}/email/0`]).sort(),
      );
      for (const o of officers) {
        // One mail per officer and melding: never none, never two different ones.
        expect(mailIds.get(`${j.reference}/${o.id}@politie.test`)?.size, `${j.reference} to ${o.name}`).toBe(
          1,
        );
      }
      // One pick-up check per melding, whatever the number of attempts.
      expect(await queue.getJobState(jobIds.pickup(j.assignmentId, 1))).toBe('delayed');
    }
    console.log(
      `dispatch under kill -9: ${MELDINGEN} meldingen × ${officers.length} officers, 2 kills ` +
        `(at ${killedAt.join(' and ')} of ${total} mails, ${sendingAtKill.join(' and ')} mails being sent), ` +
        `${copies} same-Message-ID copies`,
    );
    // A copy is only possible for a mail between the relay's answer and the commit at a kill.
    expect(copies).toBeLessThanOrEqual(2 * CONCURRENCY);
  }, 240_000);
});
