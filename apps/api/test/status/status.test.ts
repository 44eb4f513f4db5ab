import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { validIntake } from '../support/helpers.ts';
import { useTestApp } from '../support/test-app.ts';

const t = useTestApp();

const getStatus = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/status/${token}` });

async function submit(
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; token: string; reference: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/meldingen',
    payload: validIntake(overrides),
  });
  expect(res.statusCode).toBe(201);
  const body = res.json();
  return { id: body.id, reference: body.reference, token: body.statusUrl.split('/m/')[1] };
}

describe('GET /api/v1/status/:token', () => {
  it('shows the melder the public view of a new melding', async () => {
    const { token, reference } = await submit();
    const res = await getStatus(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      reference,
      category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
      subcategory: { id: 'geluid', label: 'Geluidsoverlast' },
      createdAt: expect.any(String),
      status: { code: 'gemeld', label: 'Ontvangen' },
      timeline: [{ at: expect.any(String), status: 'Ontvangen', message: null }],
      question: null,
      feedbackOpen: false,
      // No shift is planned in the test database: no time is promised, and 112 / 0900-8844 are named.
      pickup: expect.objectContaining({ kind: 'no_shift_planned', teamName: 'Boa-team Soest' }),
    });
  });

  it('shows public messages newest first, never internal notes, contact data or the location', async () => {
    const { id, token } = await submit();
    const db = t.db;
    await db.insert(schema.statusEvents).values([
      {
        meldingId: id,
        fromStatus: 'gemeld',
        toStatus: 'ingedeeld',
        actor: 'systeem',
        internalNote: 'regel 3: boa-team avond',
      },
      {
        meldingId: id,
        fromStatus: 'ingedeeld',
        toStatus: 'in_behandeling',
        actor: 'staff:42',
        internalNote: 'GEHEIM-notitie over buurman',
      },
      {
        meldingId: id,
        fromStatus: 'in_behandeling',
        toStatus: 'afgehandeld',
        actor: 'staff:42',
        internalNote: 'GEHEIM-tweede notitie',
        publicMessage: 'Onze boa’s zijn langs geweest en hebben de jongeren aangesproken.',
      },
    ]);
    await db.update(schema.meldingen).set({ status: 'afgehandeld' }).where(eq(schema.meldingen.id, id));

    const res = await getStatus(token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toEqual({ code: 'afgehandeld', label: 'Afgehandeld' });
    // gemeld and ingedeeld look the same to the melder ("Ontvangen"): shown once.
    expect(body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'Afgehandeld',
      'In behandeling',
      'Ontvangen',
    ]);
    expect(body.timeline[0].message).toBe(
      'Onze boa’s zijn langs geweest en hebben de jongeren aangesproken.',
    );
    const text = res.body;
    for (const secret of [
      'GEHEIM',
      'regel 3',
      'bewoner@example.nl',
      '12345678',
      '52.1733',
      '5.2917',
      'staff:42',
      'harde muziek',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers an unknown or malformed token with 404 MELDING_NOT_FOUND', async () => {
    for (const token of ['A'.repeat(43), 'kort', '..%2F..%2Fetc']) {
      const res = await getStatus(token);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'MELDING_NOT_FOUND',
        message: expect.stringContaining('melding'),
      });
    }
  });
});
