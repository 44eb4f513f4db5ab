import { randomUUID } from 'node:crypto';
import { wallClockInstant } from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import { schema, seedReferenceData } from '@buurtsignaal/db';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { claimMeldingRow } from '@buurtsignaal/db/tables/meldingen-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { updateTeamSettings } from '@buurtsignaal/db/tables/teams-repository';
import { createRedisConnection, createRosterWorker, type RosterJob } from '@buurtsignaal/jobs';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestDatabase,
  SmtpSink,
  type TestDatabase,
  testEnv,
  waitUntil,
} from '@buurtsignaal/testkit';
import type { Job, Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { DispatchDeps } from '../../src/dispatch/dispatch-service.ts';
import {
  createDispatchProcessor,
  recordFailedDispatch,
  scheduleOn,
} from '../../src/dispatch/dispatch-worker.ts';
import { createProducerQueues, defaultRetry, jobIds, type ProducerQueues } from '../../src/queues.ts';
import { mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { insertRoutingMelding } from '../support/routing-fixtures.ts';

// A dispatch world: Soest's seeded rosters with two boa's, a police officer and a coordinator, the
// roster queues consumed by the dispatch processor with an injected clock, and a real SMTP sink.

export const at = wallClockInstant;
export const staff = {
  vries: { id: randomUUID(), name: 'M. de Vries', role: 'boa', teamIds: ['boa-team'] },
  bakker: { id: randomUUID(), name: 'J. Bakker', role: 'boa', teamIds: ['boa-team'] },
  jansen: { id: randomUUID(), name: 'K. Jansen', role: 'politie', teamIds: ['politie-basisteam'] },
  smit: { id: randomUUID(), name: 'C. Smit', role: 'coordinator', teamIds: [] },
} as const;

export interface DispatchWorld {
  db: Db;
  sink: SmtpSink;
  queues: ProducerQueues;
  setClock(t: Date): void;
  /** The processor's dependencies, some replaced (a mailer that dies, say). */
  deps(over?: Partial<DispatchDeps>): DispatchDeps;
  /** A melding assigned to `teamId` with `priority` at `now`, put on the roster queue unless `enqueue: false`. */
  assign(o: {
    teamId: string;
    priority: string;
    now: Date;
    enqueue?: boolean;
  }): Promise<RosterJob & { reference: string }>;
  /** Waits until the job with this id on the team's queue completed; returns its result. */
  completed(teamId: string, jobId: string): Promise<unknown>;
  /** Moves the clock to `t` and runs the delayed job `jobId` now (what BullMQ does once its delay ran out). */
  fireAt(t: Date, teamId: string, jobId: string): Promise<unknown>;
  notices(meldingId: string): Promise<{ step: number; user: string; channel: string; status: string }[]>;
  claim(meldingId: string, userId: string, now: Date): Promise<void>;
  close(): Promise<void>;
}

/** `extra`: dependencies every step of this world gets (Web Push keys, say). */
export async function createDispatchWorld(
  prefix: string,
  extra: Partial<DispatchDeps> = {},
): Promise<DispatchWorld> {
  const testDb: TestDatabase = await createTestDatabase();
  const db = testDb.client.db;
  for (const s of Object.values(staff)) {
    await insertStaffUser(db, {
      ...s,
      teamIds: [...s.teamIds],
      email: `${s.id}@soest.test`,
      passwordHash: 'not-a-login',
    });
  }
  await seedReferenceData(db);
  await generateShiftInstancesAhead(db, { now: at('2026-06-01', '00:00') });
  await updateTeamSettings(db, 'boa-team', { fallbackTeamId: 'politie-basisteam', at: new Date() });
  const sink = await SmtpSink.start();
  const mailer: Mailer = createMailTransport({ smtpUrl: sink.url });
  let clock = at('2026-06-01', '00:00');
  const now = () => clock;
  const producer: Redis = createRedisConnection({ url: testEnv.redisUrl, role: 'producer' });
  const consumer: Redis = createRedisConnection({ url: testEnv.redisUrl, role: 'worker' });
  const queues = createProducerQueues({
    connection: producer,
    prefix,
    retry: defaultRetry,
    onError: () => {},
  });
  const deps = (over: Partial<DispatchDeps> = {}): DispatchDeps => ({
    db,
    now,
    mailer,
    mailFrom,
    publicBaseUrl,
    pickupMinutes: { spoed: 10, hoog: 30, normaal: 120 },
    schedule: scheduleOn(queues, now),
    logger: silentLogger,
    ...extra,
    ...over,
  });
  const processor = createDispatchProcessor(deps());
  const workers: Worker[] = ['boa-team', 'politie-basisteam'].map((teamId) => {
    const worker = createRosterWorker(teamId, processor, { connection: consumer, prefix });
    worker.on('failed', (job, err) => {
      // A failed attempt is retried (and the tests pass); said here so that a slow or flaky one is seen.
      console.warn(`dispatch job ${job?.id} attempt ${job?.attemptsMade} failed: ${err.message}`);
      void recordFailedDispatch(deps(), job, err);
    });
    return worker as Worker;
  });

  const completed = async (teamId: string, jobId: string) =>
    waitUntil(
      async () => {
        const queue = queues.roster(teamId);
        if ((await queue.getJobState(jobId)) !== 'completed') return undefined;
        // Read after the state: a job object read before completion holds no return value.
        const job: Job | undefined = await queue.getJob(jobId);
        return job ? { value: job.returnvalue as unknown } : undefined;
      },
      { what: `job ${jobId} completed` },
    ).then((r) => r.value);

  return {
    db,
    sink,
    queues,
    setClock: (t) => {
      clock = t;
    },
    deps,
    async assign({ teamId, priority, now: t, enqueue = true }) {
      clock = t;
      const { meldingId, statusEventId } = await insertRoutingMelding(db, {
        category: 'jeugdoverlast',
        reportedAt: t,
      });
      const assignmentId = randomUUID();
      await db.transaction((tx) =>
        recordAssignment(tx, {
          id: assignmentId,
          meldingId,
          routingKey: `event-${statusEventId}`,
          teamId,
          priority,
          reason: 'test',
          fromStatus: 'gemeld',
          at: t,
          deadlineAt: null,
        }),
      );
      const job: RosterJob = { meldingId, assignmentId, teamId, priority };
      if (enqueue) await queues.roster(teamId).add('assignment', job, { jobId: jobIds.roster(assignmentId) });
      const [row] = await db
        .select({ reference: schema.meldingen.reference })
        .from(schema.meldingen)
        .where(eq(schema.meldingen.id, meldingId));
      return { ...job, reference: row?.reference ?? '' };
    },
    completed,
    async fireAt(t, teamId, jobId) {
      const job = await waitUntil(() => queues.roster(teamId).getJob(jobId), { what: `job ${jobId}` });
      const state = await job.getState();
      if (state !== 'delayed') throw new Error(`${jobId} should wait as a delayed job, is ${state}`);
      clock = t;
      await job.promote();
      return completed(teamId, jobId);
    },
    async notices(meldingId) {
      const names = new Map(Object.values(staff).map((s) => [s.id as string, s.name as string]));
      const rows = (await listNoticesForMelding(db, meldingId)).map((n) => ({
        step: n.step,
        user: names.get(n.userId) ?? n.userId,
        channel: n.channel,
        status: n.status,
      }));
      // Notices of one moment in a stable order: step, officer, channel.
      const key = (n: (typeof rows)[number]) => `${n.step}/${n.user}/${n.channel}`;
      return rows.sort((a, b) => key(a).localeCompare(key(b)));
    },
    async claim(meldingId, userId, t) {
      await claimMeldingRow(db, { meldingId, userId, at: t, claimable: ['ingedeeld'] });
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      producer.disconnect();
      consumer.disconnect();
      mailer.close();
      await sink.close();
      await testDb.drop();
      await cleanRedisPrefix(prefix);
    },
  };
}
