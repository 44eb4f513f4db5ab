import { wallClockInstant } from '@buurtsignaal/core';
import { SecretBox, seedReferenceData } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { createRosterQueue } from '@buurtsignaal/jobs';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  SmtpSink,
  testEnv,
  testRedisPrefix,
  waitForIdleQueues,
  waitUntil,
} from '@buurtsignaal/testkit';
import { type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soest, statusLinkKey, validIntake } from '../support/helpers.ts';
import { as, createUser, login, type StaffSession } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// One incident keeps exactly one notice chain when its first melding (the primary) leaves the group:
// split off, the oldest remaining member takes over and is told to the boa on duty; cancelled with the
// group dissolving, the member left is dispatched on its own. Real intake, running worker.

const NOW = wallClockInstant('2026-06-02', '20:00');
const north = (m: number, from = soest) => ({ lat: from.lat + m / 111_195, lng: from.lng });

let sink: SmtpSink;
let mailer: Mailer;
let worker: RunningWorker;
let boa: StaffSession;
let boaEmail: string;
const prefix = testRedisPrefix('incident-group-handover');
const redis = new Redis(testEnv.redisUrl, { maxRetriesPerRequest: null });
const roster = createRosterQueue('boa-team', { connection: redis, prefix });

const t = useTestApp();
beforeAll(async () => {
  boaEmail = 'boa@soest.test';
  await createUser(t.db, boaEmail, 'boa', ['boa-team']);
  // The seed puts the team's members on its shifts; the worker's clock is in the evening shift.
  await seedReferenceData(t.db);
  await generateShiftInstancesAhead(t.db, { now: wallClockInstant('2026-06-01', '00:00') });
  sink = await SmtpSink.start();
  mailer = createMailTransport({ smtpUrl: sink.url });
  worker = await startWorker({
    database: t.database.client,
    redisUrl: testEnv.redisUrl,
    prefix,
    mailer,
    mailFrom: 'Gemeente Soest <noreply@soest.test>',
    publicBaseUrl: t.config.publicBaseUrl,
    statusLinkBox: SecretBox.fromBase64(statusLinkKey),
    logger: pino({ level: 'silent' }),
    sweepIntervalMs: 300,
    now: () => NOW,
  });
  boa = await login(t.app, boaEmail);
});
afterAll(async () => {
  await worker?.close();
  await roster.close();
  redis.disconnect();
  mailer?.close();
  await sink?.close();
  await cleanRedisPrefix(prefix);
});

const statusOf = async (id: string) =>
  (await t.db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id)))[0]?.status;

async function report(place: { lat: number; lng: number }, email: string, category = 'jeugdoverlast') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/meldingen',
    payload: validIntake({
      category,
      ...(category === 'jeugdoverlast' ? {} : { subcategory: undefined, answers: {} }),
      location: { ...place, accuracy: 10 },
      contact: { email, wantsFeedback: true },
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string };
}

const routed = (ids: string[]) =>
  waitUntil(async () => (await Promise.all(ids.map(statusOf))).every((s) => s === 'ingedeeld'), {
    what: 'routing',
  });
const detail = async (id: string) => {
  const res = await as(t.app, boa)('GET', `/api/v1/staff/meldingen/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const sentNotices = async (id: string) =>
  (await listNoticesForMelding(t.db, id))
    .filter((n) => n.status === 'sent')
    .map((n) => n.channel)
    .sort();
const primaryOf = async (id: string) =>
  (await detail(id)).group?.members.find((m: { primary: boolean }) => m.primary)?.id as string | undefined;

describe('the first melding of a group leaves it', () => {
  it('split off: allowed, and the oldest remaining member takes over the notices', async () => {
    const base = north(-4000);
    const a = await report(base, 'first-a@example.nl');
    await routed([a.id]);
    const b = await report(north(30, base), 'first-b@example.nl');
    await routed([b.id]);
    const c = await report(north(60, base), 'first-c@example.nl');
    await routed([c.id]);
    await waitForIdleQueues(prefix);
    expect(await primaryOf(c.id)).toBe(a.id);
    expect(await sentNotices(a.id)).toEqual(['console', 'email']);
    expect(await listNoticesForMelding(t.db, b.id)).toEqual([]);

    const split = await as(t.app, boa)('POST', `/api/v1/staff/meldingen/${a.id}/split`, {});
    expect(split.statusCode, split.body).toBe(200);
    // b (the oldest left) leads the group of two and is told; c stays quiet; a goes on on its own.
    expect(await primaryOf(c.id)).toBe(b.id);
    expect((await detail(b.id)).group.size).toBe(2);
    await waitUntil(async () => (await sentNotices(b.id)).length === 2, { what: 'b dispatched' });
    expect(await sentNotices(b.id)).toEqual(['console', 'email']);
    await waitUntil(async () => (await listAssignmentsForMelding(t.db, a.id)).length === 2, {
      what: 'a routed on its own',
    });
    await waitForIdleQueues(prefix);
    expect(await listNoticesForMelding(t.db, c.id)).toEqual([]);
    expect((await detail(a.id)).group).toBeUndefined();
  });

  it('cancelled, the group dissolving: the member left is dispatched on its own', async () => {
    const base = north(-5500);
    const d = await report(base, 'cancel-d@example.nl');
    await routed([d.id]);
    const e = await report(north(30, base), 'cancel-e@example.nl');
    await routed([e.id]);
    await waitForIdleQueues(prefix);
    expect(await primaryOf(e.id)).toBe(d.id);
    expect(await listNoticesForMelding(t.db, e.id)).toEqual([]);

    const cancelled = await as(t.app, boa)('POST', `/api/v1/staff/meldingen/${d.id}/transitions`, {
      to: 'geannuleerd',
      reason: 'Per ongeluk gemeld.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await detail(e.id)).group).toBeUndefined();
    await waitUntil(async () => (await sentNotices(e.id)).length === 2, { what: 'e dispatched' });
    expect(await sentNotices(e.id)).toEqual(['console', 'email']);
    expect(await statusOf(e.id)).toBe('ingedeeld');
  });
});
