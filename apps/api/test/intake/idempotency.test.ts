import * as schema from '@buurtsignaal/db/schema';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { amersfoort, jpegWithGps, multipart, validIntake } from '../support/helpers.ts';
import { useTestApp } from '../support/test-app.ts';

const t = useTestApp();

const db = () => t.db;
const post = (key: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers: { 'idempotency-key': key } });
const meldingCount = () => db().$count(schema.meldingen);
const keyRow = async (key: string) =>
  (
    await db()
      .select()
      .from(schema.idempotencyKeys)
      .where(eq(schema.idempotencyKeys.key, `intake:${key}`))
  )[0];

describe('Idempotency-Key on POST /api/v1/meldingen', () => {
  it('replays the first answer for the same key and body, and stores one melding', async () => {
    const before = await meldingCount();
    const first = await post('key-replay', validIntake());
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Same melding, keys in another order and the e-mail in other case: the same request.
    const { contact, ...rest } = validIntake();
    const again = await post('key-replay', {
      contact: { ...(contact as object), email: 'BEWONER@example.nl' },
      ...rest,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await meldingCount()).toBe(before + 1);
    expect(await keyRow('key-replay')).toMatchObject({ state: 'done', responseStatus: 201 });
    // Only a hash of the status token may be stored: the kept response holds it sealed, not in the clear.
    const token = (first.json() as { statusUrl: string }).statusUrl.split('/m/')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify((await keyRow('key-replay'))?.responseBody)).not.toContain(token);
  });

  it('refuses the same key with another body with 422', async () => {
    expect((await post('key-other', validIntake())).statusCode).toBe(201);
    const before = await meldingCount();
    const other = await post(
      'key-other',
      validIntake({ description: 'Een heel andere melding over iets anders.' }),
    );
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringContaining('sleutel'),
    });
    expect(await meldingCount()).toBe(before);
  });

  it('counts photos in the request: the same melding with another photo is another request', async () => {
    const a = await multipart(validIntake(), [{ filename: 'a.jpg', data: await jpegWithGps() }]);
    const b = await multipart(validIntake(), [{ filename: 'a.jpg', data: await jpegWithGps({ width: 65 }) }]);
    const headers = (h: Record<string, string>) => ({ ...h, 'idempotency-key': 'key-photos' });
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: a.payload,
      headers: headers(a.headers),
    });
    expect(first.statusCode).toBe(201);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: a.payload,
      headers: headers(a.headers),
    });
    expect(replay.json()).toEqual(first.json());
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: b.payload,
      headers: headers(b.headers),
    });
    expect(other.statusCode).toBe(422);
  });

  it('stores exactly one melding when two requests with the same key arrive at once', async () => {
    const before = await meldingCount();
    const results = await Promise.all([
      post('key-parallel', validIntake()),
      post('key-parallel', validIntake()),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json());
    expect(new Set(ok.map((b) => b.id)).size).toBe(1);
    const conflict = results.find((r) => r.statusCode === 409);
    if (conflict) expect(conflict.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_FLIGHT' });
    expect(await meldingCount()).toBe(before + 1);
  });

  it('answers 409 while the first request is in flight, and takes over a key abandoned minutes ago', async () => {
    // The first request stored its in_flight row and died (crash, timeout) before completing.
    expect((await post('key-abandoned', validIntake())).statusCode).toBe(201);
    await db()
      .update(schema.idempotencyKeys)
      .set({ state: 'in_flight', responseStatus: null, responseBody: null, createdAt: sql`now()` })
      .where(eq(schema.idempotencyKeys.key, 'intake:key-abandoned'));
    const inFlight = await post('key-abandoned', validIntake());
    expect(inFlight.statusCode).toBe(409);
    expect(inFlight.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_FLIGHT' });

    await db()
      .update(schema.idempotencyKeys)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(schema.idempotencyKeys.key, 'intake:key-abandoned'));
    const takenOver = await post('key-abandoned', validIntake());
    expect(takenOver.statusCode).toBe(201);
    expect(await keyRow('key-abandoned')).toMatchObject({ state: 'done' });
  });

  it('frees the key when the request fails, so that the client can retry with it', async () => {
    const bad = await post('key-retry', validIntake({ location: amersfoort }));
    expect(bad.statusCode).toBe(422);
    expect(await keyRow('key-retry')).toBeUndefined();

    // A photo that fails after the key was claimed (not a photo at all) also frees it.
    const { payload, headers } = await multipart(validIntake(), [
      { filename: 'x.jpg', data: Buffer.from('geen foto') },
    ]);
    const photoFail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload,
      headers: { ...headers, 'idempotency-key': 'key-retry' },
    });
    expect(photoFail.statusCode).toBe(415);
    expect(await keyRow('key-retry')).toBeUndefined();

    const retry = await post('key-retry', validIntake());
    expect(retry.statusCode).toBe(201);
  });
});
