import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../support/helpers.ts';
import {
  close,
  DAY,
  eventsOf,
  feedbackOf,
  meldingRow,
  outboxOf,
  staffChange,
  submitMelding,
  useMelderApp,
} from '../support/melder-helpers.ts';

// The melder says whether a closed melding was solved; "nee" reopens it once.
const melder = useMelderApp();
const { getStatus, feedback } = melder;

describe('POST /api/v1/status/:token/feedback', () => {
  it('"ja" is recorded once; a second answer is a 409 FEEDBACK_CLOSED', async () => {
    const m = await submitMelding(melder.app);
    const closing = await close(melder.db, m.id, 'gemeld');
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);

    const res = await feedback(m.token, { solved: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: { code: 'afgehandeld' }, feedbackOpen: false });
    expect(await feedbackOf(melder.db, m.id)).toEqual([
      expect.objectContaining({ statusEventId: closing, solved: true, explanation: null }),
    ]);

    const again = await feedback(m.token, { solved: false, explanation: 'Toch niet' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'FEEDBACK_CLOSED',
      message: expect.stringContaining('al beantwoord'),
    });
    expect(await feedbackOf(melder.db, m.id)).toHaveLength(1);
    expect((await meldingRow(melder.db, m.id)).status).toBe('afgehandeld');
  });

  it('"nee" without an explanation is a 400 naming explanation', async () => {
    const m = await submitMelding(melder.app);
    await close(melder.db, m.id, 'gemeld');
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
    expect(await feedbackOf(melder.db, m.id)).toHaveLength(0);
  });

  it('"nee" reopens the melding once: heropend, reopen_count 1, outbox melding.heropend', async () => {
    const m = await submitMelding(melder.app);
    await close(melder.db, m.id, 'gemeld');
    const res = await feedback(m.token, { solved: false, explanation: 'Ze zijn er gisteravond weer.' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toEqual({ code: 'heropend', label: 'Heropend' });
    expect(body.feedbackOpen).toBe(false);
    expect(body.timeline[0]).toMatchObject({ status: 'Heropend', message: 'Ze zijn er gisteravond weer.' });

    const row = await meldingRow(melder.db, m.id);
    expect(row).toMatchObject({ status: 'heropend', reopenCount: 1, coordinatorAttentionAt: null });
    const event = (await eventsOf(melder.db, m.id)).at(-1);
    expect(event).toMatchObject({ fromStatus: 'afgehandeld', toStatus: 'heropend', actor: 'melder' });
    expect((await outboxOf(melder.db, m.id)).at(-1)).toMatchObject({
      topic: 'melding.heropend',
      payload: { meldingId: m.id, statusEventId: Number(event?.id) },
    });
    expect(await feedbackOf(melder.db, m.id)).toEqual([
      expect.objectContaining({ solved: false, explanation: 'Ze zijn er gisteravond weer.' }),
    ]);

    // The worker routes it to the team again (internal): the melder still reads "Heropend".
    await staffChange(melder.db, m.id, { from: 'heropend', to: 'ingedeeld' });
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
    const m = await submitMelding(melder.app);
    await close(melder.db, m.id, 'gemeld');
    expect((await feedback(m.token, { solved: false, explanation: 'Nog steeds lawaai.' })).statusCode).toBe(
      200,
    );
    // The team routes and handles it again, and closes it a second time.
    await staffChange(melder.db, m.id, { from: 'heropend', to: 'ingedeeld' });
    const secondClosing = await close(melder.db, m.id, 'ingedeeld');
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);
    const outboxBefore = await outboxOf(melder.db, m.id);

    const res = await feedback(m.token, { solved: false, explanation: 'Het is echt niet opgelost.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: { code: 'afgehandeld' }, feedbackOpen: false });
    const row = await meldingRow(melder.db, m.id);
    expect(row).toMatchObject({ status: 'afgehandeld', reopenCount: 1 });
    expect(row.coordinatorAttentionAt).toBeInstanceOf(Date);
    expect((await eventsOf(melder.db, m.id)).at(-1)?.id).toBe(secondClosing);
    expect(await outboxOf(melder.db, m.id)).toHaveLength(outboxBefore.length);
    expect((await feedbackOf(melder.db, m.id)).map((f) => f.statusEventId).at(-1)).toBe(secondClosing);
  });

  it('closes after MELDER_FEEDBACK_DAYS and when the melding is not afgehandeld', async () => {
    const m = await submitMelding(melder.app);
    const open = await feedback(m.token, { solved: true });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('FEEDBACK_CLOSED');

    await close(melder.db, m.id, 'gemeld');
    melder.setClock(new Date(Date.now() + 14 * DAY - 60_000));
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(true);
    melder.setClock(new Date(Date.now() + 15 * DAY));
    expect((await getStatus(m.token)).json().feedbackOpen).toBe(false);
    const late = await feedback(m.token, { solved: false, explanation: 'Nog steeds.' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'FEEDBACK_CLOSED',
      message: expect.stringContaining('14 dagen'),
    });
    expect((await meldingRow(melder.db, m.id)).status).toBe('afgehandeld');
    expect(await feedbackOf(melder.db, m.id)).toHaveLength(0);
  });

  it('two "nee" at once: one reopens, the other is refused', async () => {
    const m = await submitMelding(melder.app);
    await close(melder.db, m.id, 'gemeld');
    const results = await Promise.all([
      feedback(m.token, { solved: false, explanation: 'Eerste tab' }),
      feedback(m.token, { solved: false, explanation: 'Tweede tab' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await meldingRow(melder.db, m.id)).toMatchObject({ status: 'heropend', reopenCount: 1 });
    expect((await outboxOf(melder.db, m.id)).filter((o) => o.topic === 'melding.heropend')).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('limits answer and feedback like intake', async () => {
    const limited = await buildTestApp(melder.database.client, { env: { INTAKE_RATE_LIMIT_MAX: '2' } });
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
