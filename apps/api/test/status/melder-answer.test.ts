import { describe, expect, it } from 'vitest';
import {
  askQuestion,
  DAY,
  eventsOf,
  meldingRow,
  outboxOf,
  staffChange,
  submitMelding,
  useMelderApp,
} from '../support/melder-helpers.ts';

// The melder answers the team's question on the status page.
const melder = useMelderApp();
const { getStatus, answer, feedback } = melder;

const question = 'Om hoe laat begint de overlast meestal, en op welke dagen?';

describe('POST /api/v1/status/:token/answer', () => {
  it('stores the answer in the timeline, puts the melding back in behandeling and writes an outbox row', async () => {
    const m = await submitMelding(melder.app);
    const askedEvent = await askQuestion(melder.db, m.id, question);

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

    expect((await meldingRow(melder.db, m.id)).status).toBe('in_behandeling');
    const last = (await eventsOf(melder.db, m.id)).at(-1);
    expect(last).toMatchObject({
      fromStatus: 'reactie_gevraagd',
      toStatus: 'in_behandeling',
      actor: 'melder',
      publicMessage: 'Meestal vanaf 22 uur, op vrijdag en zaterdag.',
      internalNote: null,
    });
    expect(Number(last?.id)).toBeGreaterThan(askedEvent);
    const outbox = await outboxOf(melder.db, m.id);
    expect(outbox.at(-1)).toMatchObject({
      topic: 'melding.status_changed',
      payload: { meldingId: m.id, statusEventId: Number(last?.id) },
    });
  });

  it('refuses an answer when no question is open (409 NO_OPEN_QUESTION), also a second answer', async () => {
    const m = await submitMelding(melder.app);
    const none = await answer(m.token, { answer: 'Hallo?' });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'NO_OPEN_QUESTION', message: expect.stringMatching(/vraag/) });

    await askQuestion(melder.db, m.id, question);
    expect((await answer(m.token, { answer: 'Eerste antwoord' })).statusCode).toBe(200);
    const second = await answer(m.token, { answer: 'Tweede antwoord' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('NO_OPEN_QUESTION');
    const answers = (await eventsOf(melder.db, m.id)).filter((e) => e.actor === 'melder' && e.fromStatus);
    expect(answers).toHaveLength(1);
  });

  it('closes the question after MELDER_ANSWER_DAYS', async () => {
    const m = await submitMelding(melder.app);
    await askQuestion(melder.db, m.id, question);
    melder.setClock(new Date(Date.now() + 15 * DAY));
    const view = (await getStatus(m.token)).json();
    expect(view.question).toMatchObject({ text: question, open: false });
    const res = await answer(m.token, { answer: 'Te laat' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'NO_OPEN_QUESTION',
      message: expect.stringContaining('14 dagen'),
    });
    expect((await meldingRow(melder.db, m.id)).status).toBe('reactie_gevraagd');
  });

  it('answers bad input with a 4xx that names the field, and an unknown link with 404', async () => {
    const m = await submitMelding(melder.app);
    await askQuestion(melder.db, m.id, question);
    for (const payload of [{ answer: '   ' }, {}, { answer: 42 }, { answer: 'x'.repeat(2001) }]) {
      const res = await answer(m.token, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field: 'answer' })]);
    }
    const extra = await answer(m.token, { answer: 'ja', email: 'x@example.nl' });
    expect(extra.statusCode).toBe(400);
    const text = await melder.app.inject({
      method: 'POST',
      url: `/api/v1/status/${m.token}/answer`,
      headers: { 'content-type': 'text/plain' },
      payload: 'antwoord',
    });
    expect(text.statusCode).toBe(415);
    const broken = await melder.app.inject({
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
    expect((await meldingRow(melder.db, m.id)).status).toBe('reactie_gevraagd');
  });
});

describe('an anonymous melder', () => {
  it('sees the question and the satisfaction question on the status page and can answer both', async () => {
    const m = await submitMelding(melder.app, { contact: undefined });
    await askQuestion(melder.db, m.id, question);
    expect((await getStatus(m.token)).json().question).toMatchObject({ text: question, open: true });
    expect((await answer(m.token, { answer: 'Vanaf 22 uur.' })).statusCode).toBe(200);

    await staffChange(melder.db, m.id, {
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
