import { SecretBox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
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
import { and, eq, isNull } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusLinkKey, validIntake } from '../support/helpers.ts';
import { as, createUser, login, type StaffSession } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// The feedback loop of issue 4 across every process boundary: the public intake, the worker's routing,
// an officer working the team queue through the staff API, the terugkoppeling mails at a real SMTP
// server, and the melder answering through the status link. Nothing is written to the database by hand.

let sink: SmtpSink;
let mailer: Mailer;
let worker: RunningWorker;
let boa: StaffSession;
const prefix = testRedisPrefix('feedback-loop');

const t = useTestApp();
beforeAll(async () => {
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
  });
  await createUser(t.db, 'boa@soest.test', 'boa', ['boa-team']);
  boa = await login(t.app, 'boa@soest.test');
});
afterAll(async () => {
  await worker?.close();
  mailer?.close();
  await sink?.close();
  await cleanRedisPrefix(prefix);
});

const statusOf = async (id: string) =>
  (await t.db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id)))[0]?.status;

async function report(contact: Record<string, unknown> | undefined, overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/meldingen',
    payload: validIntake({ ...(contact ? { contact } : { contact: undefined }), ...overrides }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { id: string; reference: string; statusUrl: string };
  const token = body.statusUrl.split('/m/')[1] ?? '';
  // Routed by the worker onto the boa-team's queue.
  await waitUntil(async () => (await statusOf(body.id)) === 'ingedeeld', { what: 'routing' });
  return { ...body, token };
}

const mailTo = (address: string, containing: string) =>
  waitUntil(
    () =>
      sink.received.find((m) => m.envelopeTo.includes(address) && String(m.parsed.text).includes(containing)),
    { what: `a mail to ${address} containing "${containing}"` },
  );

const queueReferences = async () => {
  const res = await as(t.app, boa)('GET', '/api/v1/staff/queue?team=boa-team');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { reference: string }[] }).items.map((i) => i.reference);
};

describe('terugkoppeling end to end', () => {
  it('claim → question → answer → afgehandeld → "nee" → heropend and back on the team queue', async () => {
    const melder = 'melder@example.nl';
    const m = await report({ email: melder, wantsFeedback: true });
    expect(await queueReferences()).toContain(m.reference);
    const staff = as(t.app, boa);

    expect((await staff('POST', `/api/v1/staff/meldingen/${m.id}/claim`, {})).statusCode).toBe(200);

    // A question: the melder is mailed a link to answer it, and answers through the status link.
    const question = 'Om hoe laat begon de overlast ongeveer?';
    const asked = await staff('POST', `/api/v1/staff/meldingen/${m.id}/transitions`, {
      to: 'reactie_gevraagd',
      publicMessage: question,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const questionMail = await mailTo(melder, question);
    expect(questionMail.parsed.text).toContain(`/m/${m.token}#vraag`);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/status/${m.token}/answer`,
      payload: { answer: 'Rond tien uur, en het duurde tot na middernacht.' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await statusOf(m.id)).toBe('in_behandeling');
    const detail = await staff('GET', `/api/v1/staff/meldingen/${m.id}`);
    expect(JSON.stringify(detail.json().timeline)).toContain('Rond tien uur');

    // Closed with a message: the melder's mail carries it and asks whether it was solved.
    const closing = 'We hebben de groep vanavond aangesproken en houden het speelveld in de gaten.';
    const closed = await staff('POST', `/api/v1/staff/meldingen/${m.id}/transitions`, {
      to: 'afgehandeld',
      publicMessage: closing,
      internalNote: 'Groep van vijf, namen bekend bij de wijkagent.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const closingMail = await mailTo(melder, closing);
    expect(closingMail.parsed.text).toContain(`/m/${m.token}#opgelost`);
    expect(closingMail.parsed.text).not.toContain('wijkagent');

    // "Nee" on the status page: heropend, routed to the team again, and on its queue.
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/status/${m.token}` });
    expect(status.json()).toMatchObject({ feedbackOpen: true });
    const nee = await t.app.inject({
      method: 'POST',
      url: `/api/v1/status/${m.token}/feedback`,
      payload: { solved: false, explanation: 'Ze waren er de volgende avond gewoon weer.' },
    });
    expect(nee.statusCode, nee.body).toBe(200);
    await waitUntil(async () => (await listAssignmentsForMelding(t.db, m.id)).length === 2, {
      what: 'the second routing',
    });
    await waitUntil(async () => (await queueReferences()).includes(m.reference), {
      what: 'back on the queue',
    });
    await mailTo(melder, 'We hebben uw melding opnieuw geopend.');
    // Every mail to the melder was delivered once and recorded.
    const deliveries = await waitUntil(async () => {
      const rows = await listEmailDeliveries(t.db, m.id);
      return rows.every((d) => d.status !== 'sending') && rows;
    });
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
  });

  it('an anonymous melder gets no mail, but sees every public message on the status page', async () => {
    const before = sink.received.length;
    // A kilometre from the first test's melding (reopened, open again): close by it would be grouped
    // with it as one incident, and its closing message would reach that melder too.
    const m = await report(undefined, { location: { lat: 52.1643, lng: 5.2917, accuracy: 12 } });
    const staff = as(t.app, boa);
    expect((await staff('POST', `/api/v1/staff/meldingen/${m.id}/claim`, {})).statusCode).toBe(200);
    const message = 'Een boa is langs geweest; er was niemand meer.';
    const closed = await staff('POST', `/api/v1/staff/meldingen/${m.id}/transitions`, {
      to: 'afgehandeld',
      publicMessage: message,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const view = await waitUntil(async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/status/${m.token}` });
      return JSON.stringify(res.json()).includes(message) ? res.json() : undefined;
    });
    expect(view).toMatchObject({ status: { code: 'afgehandeld' } });
    // Count only when the worker has nothing left to do with it: the change's outbox row relayed and
    // its notification job run.
    await waitUntil(
      async () =>
        (
          await t.db
            .select()
            .from(schema.outbox)
            .where(and(eq(schema.outbox.aggregateId, m.id), isNull(schema.outbox.relayedAt)))
        ).length === 0,
      { what: 'the outbox rows of the melding relayed' },
    );
    await waitForIdleQueues(prefix);
    expect(sink.received.length).toBe(before);
    expect(await listEmailDeliveries(t.db, m.id)).toEqual([]);
  });
});
