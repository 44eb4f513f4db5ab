/**
 * pnpm bench:dispatch — how fast the on-duty officer is told (issue 11, Speed). On PostgreSQL + Redis
 * (a fresh database from the testkit's template, a Redis prefix of its own), in this one process: the
 * real API (buildApp, on a real port), the real worker (startWorker: outbox relay, routing, dispatch,
 * notifications), an SMTP sink, the testkit's fake push service, and an SSE client logged in as a boa
 * who is on duty now (a round-the-clock roster) with one push subscription. Spoed meldingen are posted
 * through POST /api/v1/meldingen at BENCH_RATE per second (default 50) for BENCH_SECONDS (default 30),
 * open loop; per melding: submit → its 'melding.dispatched' event on GET /api/v1/staff/events, and
 * submit → its push notice accepted (VAPID checked, payload decrypted) by the push service; lost (none
 * within BENCH_DRAIN_SECONDS, default 30, after the last submit) and doubled (more than one).
 * The floor, in the same run and at the same rate, before it: a bare Fastify route that inserts one row
 * and adds one BullMQ job, a BullMQ worker that writes one event to a bare SSE stream (dispatch-floor.ts).
 * Grouping is kept on but with a 1 m radius (every melding at its own place ~55 m apart), so that the
 * grouping look-up is paid but no melding joins another (a grouped one gets no notice of its own).
 */
import os from 'node:os';
import { createDatabase, seedReferenceData } from '@buurtsignaal/db';
import { savePushSubscription } from '@buurtsignaal/db/tables/push-subscriptions-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { insertShiftPattern } from '@buurtsignaal/db/tables/shift-patterns-repository';
import {
  cleanRedisPrefix,
  createTestDatabase,
  FakePushService,
  SmtpSink,
  testEnv,
  testRedisPrefix,
} from '@buurtsignaal/testkit';
import webpush from 'web-push';
import { createStaffAccount } from '../src/staff/user-service.ts';
import { validIntake } from '../test/support/helpers.ts';
import { startChild } from './bench-process.ts';
import {
  drain,
  fmt,
  type LatencySummary,
  note,
  openTimedSse,
  type Submitted,
  submitAtRate,
  summarise,
} from './dispatch-support.ts';
import { traceQueues, traceStages } from './dispatch-trace.ts';

const rate = Number(process.env.BENCH_RATE ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const drainMs = Number(process.env.BENCH_DRAIN_SECONDS ?? 30) * 1000;
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** BullMQ concurrency of the floor's worker: the product worker's default. */
const concurrency = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 5);
/** The worker's pool (createDatabase's default 10) and concurrency (WORKER_CONCURRENCY's default 5). */
const workerPool = Number(process.env.BENCH_WORKER_POOL ?? 10);
const PASSWORD = 'bench-wachtwoord-lang-genoeg';

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * A spoed melding (nu gaande) at a place of its own: a grid of 40 × 40 points ~55 m apart around Soest
 * centrum, one after the other over the whole run (warm-up included), so that no two are within the
 * 1 m grouping radius (random places were: two of 1,600 within 1 m is about as likely as not).
 */
let nextPlace = 0;
const spoedBody = () => {
  const i = nextPlace++;
  return JSON.stringify(
    validIntake({
      answers: { aantal_personen: 6, nu_gaande: true },
      location: {
        lat: 52.1623 + (i % 40) * 0.0005,
        lng: 5.2757 + (Math.floor(i / 40) % 40) * 0.0008,
        accuracy: 12,
      },
    }),
  );
};

async function post(url: string, body: string): Promise<{ status: number; id: string | undefined }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { id?: string };
  return { status: res.status, id: res.status === 201 ? json.id : undefined };
}

interface Phase {
  submitted: Submitted[];
  refused: number;
}

/** A warm-up (not measured), then the measured run; waits for the arrivals of the measured run. */
async function phase(
  send: () => Promise<{ status: number; id: string | undefined }>,
  arrived: (s: Submitted[]) => boolean,
): Promise<Phase> {
  const warm = await submitAtRate(rate, warmupSeconds, send);
  await drain(() => arrived(warm), drainMs);
  const submitted = await submitAtRate(rate, seconds, send);
  await drain(() => arrived(submitted), drainMs);
  return { submitted, refused: submitted.filter((s) => !s.id).length };
}

const everyoneOnce = (arrivals: Map<string, number[]>) => (subs: Submitted[]) =>
  subs.every((s) => !s.id || (arrivals.get(s.id)?.length ?? 0) > 0);

async function runFloor(url: string, prefix: string): Promise<LatencySummary & { refused: number }> {
  const child = await startChild<{ baseUrl: string }>('./dispatch-floor-process.ts', {
    databaseUrl: url,
    prefix,
    concurrency,
  });
  const floor = child.ready;
  const events = new Map<string, number[]>();
  const sse = await openTimedSse(`${floor.baseUrl}/floor/events`);
  sse.onMessage = (a) => note(events, (JSON.parse(a.data) as { meldingId: string }).meldingId, a.at);
  try {
    const p = await phase(() => post(`${floor.baseUrl}/floor`, spoedBody()), everyoneOnce(events));
    return { ...summarise(p.submitted, events), refused: p.refused };
  } finally {
    sse.close();
    await child.stop();
  }
}

async function runProduct(url: string, prefix: string) {
  const setupDb = await createDatabase({ databaseUrl: url, poolMax: 2 });
  const db = setupDb.db;
  // The boa is made after the seed (the seeded boa shifts stay empty) and works round the clock here.
  await seedReferenceData(db);
  const boa = await createStaffAccount(db, {
    email: 'boa@soest.test',
    name: 'Bench boa',
    role: 'boa',
    teamIds: ['boa-team'],
    password: PASSWORD,
  });
  for (const [id, start, end] of [
    ['bench-nacht', '00:00', '12:00'],
    ['bench-dag', '12:00', '00:00'],
  ] as const) {
    await insertShiftPattern(db, {
      id,
      teamId: 'boa-team',
      label: id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      start,
      end,
      validFrom: '2026-01-01',
      validUntil: null,
      memberIds: [boa.id],
      leadId: boa.id,
      createdBy: null,
      at: new Date(),
    });
  }
  await generateShiftInstancesAhead(db, { now: new Date(Date.now() - 2 * 86_400_000) });

  const events = new Map<string, number[]>();
  const assigned = new Map<string, number[]>();
  const pushes = new Map<string, number[]>();
  const pushService = await FakePushService.start({
    onReceived: (p) =>
      note(pushes, (JSON.parse(p.text) as { meldingId: string }).meldingId, performance.now()),
  });
  const device = pushService.subscribe();
  await savePushSubscription(db, {
    userId: boa.id,
    ...device.keys,
    endpoint: device.endpoint,
    userAgentLabel: null,
    at: new Date(),
  });
  const sink = await SmtpSink.start();
  const api = await startChild<{ baseUrl: string }>('./dispatch-api-process.ts', { databaseUrl: url });
  const { baseUrl } = api.ready;
  const worker = await startChild('./dispatch-worker-process.ts', {
    databaseUrl: url,
    prefix,
    smtpUrl: sink.url,
    push: { ...webpush.generateVAPIDKeys(), subject: 'mailto:beheer@soest.test' },
    pool: workerPool,
    concurrency,
  });
  const login = await fetch(`${baseUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'boa@soest.test', password: PASSWORD }),
  });
  const cookie = /bs_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (login.status !== 200 || !cookie) throw new Error(`login: ${login.status} ${await login.text()}`);
  const sse = await openTimedSse(`${baseUrl}/api/v1/staff/events`, cookie);
  sse.onMessage = (a) => {
    const e = JSON.parse(a.data) as { kind: string; meldingId: string };
    if (e.kind === 'melding.dispatched') note(events, e.meldingId, a.at);
    if (e.kind === 'melding.assigned') note(assigned, e.meldingId, a.at);
  };
  try {
    const p = await phase(
      () => post(`${baseUrl}/api/v1/meldingen`, spoedBody()),
      (subs) => everyoneOnce(events)(subs) && everyoneOnce(pushes)(subs),
    );
    const accepted = p.submitted.filter((s) => s.id);
    return {
      trace: [
        ...(await traceStages(db, p.submitted)),
        ...(await traceQueues(testEnv.redisUrl, prefix, ['routing', 'notifications', 'roster-boa-team'])),
      ],
      firstSecond: summarise(accepted.slice(0, rate), events),
      lastSecond: summarise(accepted.slice(-rate), events),
      refused: p.refused,
      sse: summarise(p.submitted, events),
      assigned: summarise(p.submitted, assigned),
      push: summarise(p.submitted, pushes),
      mails: sink.received.length,
    };
  } finally {
    sse.close();
    await worker.stop();
    await api.stop();
    await setupDb.close();
    await sink.close();
    await pushService.close();
  }
}

async function main(): Promise<void> {
  const testDb = await createTestDatabase();
  const prefix = testRedisPrefix('bench-dispatch');
  console.log(`bench:dispatch — ${rate}/s for ${seconds} s (+${warmupSeconds} s warm-up), load ${load()}`);
  try {
    const floor = await runFloor(testDb.url, `${prefix}-floor`);
    console.log(`floor  submit → SSE event:  ${fmt(floor)}, refused ${floor.refused}  (load ${load()})`);
    const product = await runProduct(testDb.url, prefix);
    console.log(`product refused ${product.refused}, melder mails ${product.mails}  (load ${load()})`);
    console.log(`product submit → SSE assigned:   ${fmt(product.assigned)}`);
    console.log(`product submit → SSE dispatched: ${fmt(product.sse)}`);
    console.log(`product submit → push received:  ${fmt(product.push)}`);
    console.log(
      `product SSE dispatched, first second's meldingen p50 ${product.firstSecond.p50.toFixed(0)} ms, last second's ${product.lastSecond.p50.toFixed(0)} ms`,
    );
    console.log(`product, where the time goes (offset from submit):\n${product.trace.join('\n')}`);
    const ratio = (s: LatencySummary) => (s.p99 / floor.p99).toFixed(2);
    console.log(
      `p99 ratio to the floor: SSE ${ratio(product.sse)}×, push ${ratio(product.push)}× (goal ≤ 3×; lost and doubled 0)`,
    );
  } finally {
    await testDb.drop();
    await cleanRedisPrefix(prefix);
    await cleanRedisPrefix(`${prefix}-floor`);
  }
}

await main();
// Some client (undici's keep-alive pool, a Redis socket) may hold the loop: the bench is done.
process.exit(0);
