// The world of the incident-group end-to-end tests: the API on its own database, the worker on an
// evening clock (the boa-team's shift), a boa logged in, the SMTP sink and the boa-team's roster queue —
// and the helpers both files use to report, wait for routing and read a melding.
import { wallClockInstant } from '@buurtsignaal/core';
import { SecretBox, seedReferenceData } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { createRosterQueue } from '@buurtsignaal/jobs';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import { cleanRedisPrefix, SmtpSink, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { soest, statusLinkKey, validIntake } from '../support/helpers.ts';
import { as, createUser, login, type StaffSession } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

export const NOW = wallClockInstant('2026-06-02', '20:00');
export const north = (m: number, from = soest) => ({ lat: from.lat + m / 111_195, lng: from.lng });

/** Registers the world's beforeAll/afterAll; its handles are readable once they have run. */
export function useIncidentWorld(name: string) {
  let sink: SmtpSink;
  let mailer: Mailer;
  let worker: RunningWorker;
  let boa: StaffSession;
  let boaEmail: string;
  const prefix = testRedisPrefix(name);
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
  const mailsTo = (address: string, containing: string) =>
    sink.received.filter((m) => m.envelopeTo.includes(address) && String(m.parsed.text).includes(containing));
  const detail = async (id: string) => {
    const res = await as(t.app, boa)('GET', `/api/v1/staff/meldingen/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return {
    t,
    prefix,
    roster,
    get sink() {
      return sink;
    },
    get boa() {
      return boa;
    },
    boaEmail: () => boaEmail,
    statusOf,
    report,
    routed,
    mailsTo,
    detail,
  };
}
