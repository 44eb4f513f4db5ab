import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import {
  askQuestion,
  close,
  eventsOf,
  feedbackOf,
  meldingRow,
  outboxOf,
  staffChange,
  submitMelding,
} from '../support/melder-helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

let database: TestDatabase;
let t: TestApp;
/** The API's clock; status events are written at real time, so tests move this one ahead. */
let clock: Date | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database.client, { now: () => clock ?? new Date() });
});
afterAll(async () => {
  await t?.close();
  await database?.drop();
});
beforeEach(() => {
  clock = undefined;
});

const db = () => database.client.db;
const getStatus = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/status/${token}` });
const answer = (token: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/status/${token}/answer`, payload: payload as object });
const feedback = (token: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/status/${token}/feedback`, payload: payload as object });

const question = 'Om hoe laat begint de overlast meestal, en op welke dagen?';

describe('POST /api/v1/status/:token/answer', () => {
  it('stores the answer in the timeline, puts the melding back in behandeling and writes an outbox row', async () => {
    const m = await submitMelding(t.app);
    const askedEvent = await askQuestion(db(), m.id, question);

    const before = (await getStatus(m.token)).json();
    expect(before.question).toEqual({ text: question, askedAt: expect.any(String), open: true });
    expect(before.feedbackOpen).toBe(false);

    const res = await answer(m.token, { answer: '  Meestal vanaf 22 uur, op vrijdag en zaterdag.  ' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toEqual({ code: 'in_behandeling', label: 'In behandeling' });
    expect(body.question).toBeNull();
    expect(body.timeline[0]).toEqual({
      at: expect.any(String),
      status: 'In behandeling',
      message: 'Meestal vanaf 22 uur, op vrijdag en zaterdag.',
    });
    expect(body.timeline[1]).toMatchObject({ status: 'Vraag aan u', message: question });
    expect(res.body).not.toContain('INTERN');

    expect((await meldingRow(db(), m.id)).status).toBe('in_behandeling');
    const last = (await eventsOf(db(), m.id)).at(-1);
    expect(last).toMatchObject({
      fromStatus: 'reactie_gevraagd',
      toStatus: 'in_behandeling',
      actor: 'melder',
      publicMessage: 'Meestal vanaf 22 uur, op vrijdag en zaterdag.',
      internalNote: null,
    });
    expect(Number(last?.id)).toBeGreaterThan(askedEvent);
    const outbox = await outboxOf(db(), m.id);
    expect(outbox.at(-1)).toMatchObject({
      topic: 'melding.status_changed',
      payload: { meldingId: m.id, statusEventId: Number(last?.id) },
    });
  });

  it('refuses an answer when no question is open (409 NO_OPEN_QUESTION), also a second answer', async () => {
    const m = await submitMelding(t.app);
    const none = await answer(m.token, { answer: 'Hallo?' });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'NO_OPEN_QUESTION', message: expect.stringMatching(/vraag/) });

    await askQuestion(db(), m.id, question);
    expect((await answer(m.token, { answer: 'Eerste antwoord' })).statusCode).toBe(200);
    const second = await answer(m.token, { answer: 'Tweede antwoord' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('NO_OPEN_QUESTION');
    const answers = (await eventsOf(db(), m.id)).filter((e) => e.actor === 'melder' && e.fromStatus);
    expect(answers).toHaveLength(1);
  });

  it('closes the question after MELDER_ANSWER_DAYS', async () => {
    const m = await submitMelding(t.app);
    await askQuestion(db(), m.id, question);
    clock = new Date(Date.now() + 15 * DAY);
    const view = (await getStatus(m.token)).json();
    expect(view.question).toMatchObject({ text: question, open: false });
    const res = await answer(m.token, { answer: 'Te laat' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'NO_OPEN_QUESTION',
      message: expect.stringContaining('14 dagen'),
    });
    expect((await meldingRow(db(), m.id)).status).toBe('reactie_gevraagd');
  });

  it('answers bad input with a 4xx that names the field, and an unknown link with 404', async () => {
    const m = await submitMelding(t.app);
    await askQuestion(db(), m.id, question);
    for (const payload of [{ answer: '   ' }, {}, { answer: 42 }, { answer: 'x'.repeat(2001) }]) {
      const res = await answer(m.token, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field: 'answer' })]);
    }
    const extra = await answer(m.token, { answer: 'ja', email: 'x@example.nl' });
    expect(extra.statusCode).toBe(400);
    const text = await t.app.inject({
      method: 'POST',
      url: `/api/v1/status/${m.token}/answer`,
      headers: { 'content-type': 'text/plain' },
      payload: 'antwoord',
    });
    expect(text.statusCode).toBe(415);
    const broken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/status/${m.token}/answer`,
      headers: { 'content-type': 'application/json' },
      payload: '{"answer":',
    });
    expect(broken.statusCode).toBe(400);
    for (const token of ['A'.repeat(43), 'kort']) {
      const res = await answer(token, { answer: 'Hallo' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('MELDING_NOT_FOUND');
    }
    expect((await meldingRow(db(), m.id)).status).toBe('reactie_gevraagd');
  });
});

describe('POST /api/v1/status/:token/feedback', () => {
  it('"ja" is recorded once; a second answer is a 409 FEEDBACK_CLOSED', async () => {
    const m = await submitMelding(t.app);
    const closing = await close(db(), m.id, 'gemeld');
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);

    const res = await feedback(m.token, { solved: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: { code: 'afgehandeld' }, feedbackOpen: false });
    expect(await feedbackOf(db(), m.id)).toEqual([
      expect.objectContaining({ statusEventId: closing, solved: true, explanation: null }),
    ]);

    const again = await feedback(m.token, { solved: false, explanation: 'Toch niet' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'FEEDBACK_CLOSED',
      message: expect.stringContaining('al beantwoord'),
    });
    expect(await feedbackOf(db(), m.id)).toHaveLength(1);
    expect((await meldingRow(db(), m.id)).status).toBe('afgehandeld');
  });

  it('"nee" without an explanation is a 400 naming explanation', async () => {
    const m = await submitMelding(t.app);
    await close(db(), m.id, 'gemeld');
    for (const payload of [{ solved: false }, { solved: false, explanation: '  ' }]) {
      const res = await feedback(m.token, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [{ field: 'explanation', message: expect.any(String) }],
      });
    }
    const noChoice = await feedback(m.token, { explanation: 'iets' });
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.json().details).toEqual([expect.objectContaining({ field: 'solved' })]);
    expect(await feedbackOf(db(), m.id)).toHaveLength(0);
  });

  it('"nee" reopens the melding once: heropend, reopen_count 1, outbox melding.heropend', async () => {
    const m = await submitMelding(t.app);
    await close(db(), m.id, 'gemeld');
    const res = await feedback(m.token, { solved: false, explanation: 'Ze zijn er gisteravond weer.' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toEqual({ code: 'heropend', label: 'Heropend' });
    expect(body.feedbackOpen).toBe(false);
    expect(body.timeline[0]).toMatchObject({ status: 'Heropend', message: 'Ze zijn er gisteravond weer.' });

    const row = await meldingRow(db(), m.id);
    expect(row).toMatchObject({ status: 'heropend', reopenCount: 1, coordinatorAttentionAt: null });
    const event = (await eventsOf(db(), m.id)).at(-1);
    expect(event).toMatchObject({ fromStatus: 'afgehandeld', toStatus: 'heropend', actor: 'melder' });
    expect((await outboxOf(db(), m.id)).at(-1)).toMatchObject({
      topic: 'melding.heropend',
      payload: { meldingId: m.id, statusEventId: Number(event?.id) },
    });
    expect(await feedbackOf(db(), m.id)).toEqual([
      expect.objectContaining({ solved: false, explanation: 'Ze zijn er gisteravond weer.' }),
    ]);

    // The worker routes it to the team again (internal): the melder still reads "Heropend".
    await staffChange(db(), m.id, { from: 'heropend', to: 'ingedeeld' });
    const routed = (await getStatus(m.token)).json();
    expect(routed.status).toEqual({ code: 'heropend', label: 'Heropend' });
    expect(routed.timeline.map((e: { status: string }) => e.status)).toEqual([
      'Heropend',
      'Afgehandeld',
      'In behandeling',
      'Ontvangen',
    ]);
  });

  it('a second "nee" after a second closing goes to the coordinator: no status change', async () => {
    const m = await submitMelding(t.app);
    await close(db(), m.id, 'gemeld');
    expect((await feedback(m.token, { solved: false, explanation: 'Nog steeds lawaai.' })).statusCode).toBe(
      200,
    );
    // The team routes and handles it again, and closes it a second time.
    await staffChange(db(), m.id, { from: 'heropend', to: 'ingedeeld' });
    const secondClosing = await close(db(), m.id, 'ingedeeld');
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);
    const outboxBefore = await outboxOf(db(), m.id);

    const res = await feedback(m.token, { solved: false, explanation: 'Het is echt niet opgelost.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: { code: 'afgehandeld' }, feedbackOpen: false });
    const row = await meldingRow(db(), m.id);
    expect(row).toMatchObject({ status: 'afgehandeld', reopenCount: 1 });
    expect(row.coordinatorAttentionAt).toBeInstanceOf(Date);
    expect((await eventsOf(db(), m.id)).at(-1)?.id).toBe(secondClosing);
    expect(await outboxOf(db(), m.id)).toHaveLength(outboxBefore.length);
    expect((await feedbackOf(db(), m.id)).map((f) => f.statusEventId).at(-1)).toBe(secondClosing);
  });

  it('closes after MELDER_FEEDBACK_DAYS and when the melding is not afgehandeld', async () => {
    const m = await submitMelding(t.app);
    const open = await feedback(m.token, { solved: true });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('FEEDBACK_CLOSED');

    await close(db(), m.id, 'gemeld');
    clock = new Date(Date.now() + 14 * DAY - 60_000);
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);
    clock = new Date(Date.now() + 15 * DAY);
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(false);
    const late = await feedback(m.token, { solved: false, explanation: 'Nog steeds.' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'FEEDBACK_CLOSED',
      message: expect.stringContaining('14 dagen'),
    });
    expect((await meldingRow(db(), m.id)).status).toBe('afgehandeld');
    expect(await feedbackOf(db(), m.id)).toHaveLength(0);
  });

  it('two "nee" at once: one reopens, the other is refused', async () => {
    const m = await submitMelding(t.app);
    await close(db(), m.id, 'gemeld');
    const results = await Promise.all([
      feedback(m.token, { solved: false, explanation: 'Eerste tab' }),
      feedback(m.token, { solved: false, explanation: 'Tweede tab' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await meldingRow(db(), m.id)).toMatchObject({ status: 'heropend', reopenCount: 1 });
    expect((await outboxOf(db(), m.id)).filter((o) => o.topic === 'melding.heropend')).toHaveLength(1);
  });
});

describe('an anonymous melder', () => {
  it('sees the question and the satisfaction question on the status page and can answer both', async () => {
    const m = await submitMelding(t.app, { contact: undefined });
    await askQuestion(db(), m.id, question);
    expect((await getStatus(m.token)).json().question).toMatchObject({ text: question, open: true });
    expect((await answer(m.token, { answer: 'Vanaf 22 uur.' })).statusCode).toBe(200);

    await staffChange(db(), m.id, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'We zijn langs geweest.',
    });
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);
    const res = await feedback(m.token, { solved: false, explanation: 'Nog steeds.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status.code).toBe('heropend');
  });
});

describe('rate limit', () => {
  it('limits answer and feedback like intake', async () => {
    const limited = await buildTestApp(database.client, { env: { INTAKE_RATE_LIMIT_MAX: '2' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: `/api/v1/status/${'A'.repeat(43)}/feedback`,
          payload: { solved: true },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([404, 404, 429]);
      const res = await limited.app.inject({
        method: 'POST',
        url: `/api/v1/status/${'A'.repeat(43)}/feedback`,
        payload: { solved: true },
      });
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await limited.close();
    }
  });
});
