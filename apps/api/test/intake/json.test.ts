import { formatReference, h3Cells, referencePattern } from '@buurtsignaal/core';
import { SecretBox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/intake/photos.ts';
import { amersfoort, statusLinkKey, validIntake } from '../support/helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// A fixed clock: 2026-11-26 21:45 in Soest.
const now = new Date('2026-11-26T20:45:00Z');
const stored: { meldingId: string; statusEventId: number }[] = [];

const t = useTestApp({ now: () => now, onMeldingStored: (e) => stored.push(e) });

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: payload as object, headers });

const db = () => t.db;

describe('POST /api/v1/meldingen (JSON)', () => {
  it('stores the melding, its melder, its first status event and its outbox row in one go', async () => {
    const res = await post(validIntake({ occurredAt: '2026-11-26T21:30:00+01:00' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^SOE-2026-\d{6}$/),
      status: 'gemeld',
      statusUrl: expect.stringMatching(/^https:\/\/buurtsignaal\.test\/m\/[A-Za-z0-9_-]{43}$/),
      // Who picks it up and when (a preview of the routing: the worker has not run); no shifts here.
      pickup: expect.objectContaining({ teamName: 'Boa-team Soest', kind: 'no_shift_planned' }),
    });
    expect(body.reference).toMatch(referencePattern);

    const [melding] = await db().select().from(schema.meldingen).where(eq(schema.meldingen.id, body.id));
    expect(melding).toBeDefined();
    if (!melding) return;
    const seq = Number(body.reference.split('-')[2]);
    expect(body.reference).toBe(formatReference('SOE', 2026, seq));
    expect(melding).toMatchObject({
      reference: body.reference,
      category: 'jeugdoverlast',
      subcategory: 'geluid',
      answers: { aantal_personen: 6 },
      status: 'gemeld',
      lat: 52.1733,
      lng: 5.2917,
      wijkCode: 'WK034202',
    });
    expect(melding.occurredAt?.toISOString()).toBe('2026-11-26T20:30:00.000Z');
    expect(melding.createdAt.toISOString()).toBe(now.toISOString());
    const cells = h3Cells(52.1733, 5.2917);
    expect([melding.h3R7, melding.h3R8, melding.h3R9, melding.h3R10]).toEqual([
      cells.r7,
      cells.r8,
      cells.r9,
      cells.r10,
    ]);
    expect(melding.h3R9).toBe('8919691890bffff');

    // Only the hash of the token is stored, and it is the hash of the token in the link.
    const token = body.statusUrl.split('/m/')[1];
    expect(melding.statusTokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(melding)).not.toContain(token);

    const melders = await db().select().from(schema.melders).where(eq(schema.melders.meldingId, body.id));
    expect(melders).toHaveLength(1);
    expect(melders[0]).toMatchObject({
      email: 'bewoner@example.nl',
      phone: '06 12345678',
      wantsFeedback: true,
    });
    // The worker can open the sealed token to put the link in the e-mail.
    const sealed = melders[0]?.statusTokenSealed ?? '';
    expect(SecretBox.fromBase64(statusLinkKey).open(sealed, body.id)).toBe(token);

    const events = await db()
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.meldingId, body.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      fromStatus: null,
      toStatus: 'gemeld',
      actor: 'melder',
      internalNote: null,
    });

    const outbox = await db().select().from(schema.outbox).where(eq(schema.outbox.aggregateId, body.id));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.topic).toBe('melding.gemeld');
    expect(outbox[0]?.payload).toEqual({ meldingId: body.id, statusEventId: events[0]?.id });
    expect(outbox[0]?.relayedAt).toBeNull();
    // The hook that can wake an in-process relay heard of it, after the commit.
    expect(stored.at(-1)).toEqual({ meldingId: body.id, statusEventId: events[0]?.id });
  });

  it('stores no melders row for an anonymous melding, and gives every melding its own reference', async () => {
    const first = await post(validIntake({ contact: undefined }));
    const second = await post(validIntake({ contact: { wantsFeedback: false } }));
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    for (const res of [first, second]) {
      const melders = await db()
        .select()
        .from(schema.melders)
        .where(eq(schema.melders.meldingId, res.json().id));
      expect(melders).toHaveLength(0);
    }
    expect(first.json().reference).not.toBe(second.json().reference);
    expect(first.json().statusUrl).not.toBe(second.json().statusUrl);
  });

  it('refuses a location outside the municipality with 422 OUTSIDE_MUNICIPALITY', async () => {
    const before = await db().$count(schema.meldingen);
    const res = await post(validIntake({ location: amersfoort }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      statusCode: 422,
      code: 'OUTSIDE_MUNICIPALITY',
      error: 'Unprocessable Entity',
      message: expect.stringContaining('buiten de gemeente Soest'),
      details: [{ field: 'location', message: expect.any(String) }],
    });
    expect(await db().$count(schema.meldingen)).toBe(before);
  });

  it('refuses a time in the future of the injected clock, naming occurredAt', async () => {
    const res = await post(validIntake({ occurredAt: '2026-11-26T22:30:00+01:00' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'OCCURRED_IN_FUTURE', details: [{ field: 'occurredAt' }] });
    // Within the tolerance for clock skew it is accepted.
    expect((await post(validIntake({ occurredAt: '2026-11-26T21:47:00+01:00' }))).statusCode).toBe(201);
  });

  it('answers a missing category with 400 VALIDATION_ERROR naming the field, in Dutch', async () => {
    const res = await post(validIntake({ category: undefined }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_ERROR', error: 'Bad Request' });
    expect(body.message).toMatch(/Controleer de velden/);
    expect(body.details).toContainEqual({ field: 'category', message: 'Kies een categorie.' });
  });

  it('names nested fields with dots and reports every problem at once', async () => {
    const res = await post(
      validIntake({
        location: { lat: 'noord', lng: 5.29 },
        description: 'kort',
        contact: { email: 'geen-adres' },
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['location.lat', 'description', 'contact.email']));
  });

  it('refuses wantsFeedback without an e-mail address, and unknown fields by name', async () => {
    const noEmail = await post(validIntake({ contact: { phone: '0612345678', wantsFeedback: true } }));
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().details).toContainEqual(
      expect.objectContaining({ field: 'contact.wantsFeedback' }),
    );
    const unknown = await post(validIntake({ naam: 'Jan' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toContainEqual({
      field: 'naam',
      message: expect.stringContaining('naam'),
    });
  });

  it('answers invalid JSON with 400 INVALID_JSON and another content type with 415', async () => {
    const invalid = await post('{"category": "jeugdoverlast",', { 'content-type': 'application/json' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      statusCode: 400,
      code: 'INVALID_JSON',
      message: expect.stringContaining('JSON'),
    });
    const text = await post('category=jeugdoverlast', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_CONTENT_TYPE' });
    const xml = await post('<melding/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
  });

  it('refuses a JSON body over the body limit with 413', async () => {
    const res = await post(validIntake({ description: 'x'.repeat(300 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('refuses a malformed Idempotency-Key with 400', async () => {
    const res = await post(validIntake(), { 'idempotency-key': 'x'.repeat(256) });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual(expect.objectContaining({ field: 'idempotency-key' }));
  });

  it('answers unknown routes with 404 in the same error format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      error: 'Not Found',
      message: expect.any(String),
    });
  });
});
