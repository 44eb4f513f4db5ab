import type { DatabaseClient } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { createTestPglite } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, jpegWithGps, multipart, type TestApp, validIntake } from '../support/helpers.ts';

// The embedded default: the same intake on PGlite (one connection, int8 as numbers).
let database: DatabaseClient;
let t: TestApp;

beforeAll(async () => {
  database = await createTestPglite();
  t = await buildTestApp(database);
});
afterAll(async () => {
  await t?.close();
  await database?.close();
});

describe('intake on PGlite', () => {
  it('stores a JSON melding with all its rows and shows its status', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
    expect(res.statusCode).toBe(201);
    const { id, reference, statusUrl } = res.json();
    expect(reference).toMatch(/^SOE-\d{4}-000001$/);

    const db = database.db;
    expect(await db.$count(schema.meldingen, eq(schema.meldingen.id, id))).toBe(1);
    expect(await db.$count(schema.melders, eq(schema.melders.meldingId, id))).toBe(1);
    const [event] = await db.select().from(schema.statusEvents).where(eq(schema.statusEvents.meldingId, id));
    expect(event).toMatchObject({ fromStatus: null, toStatus: 'gemeld', actor: 'melder' });
    const [row] = await db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, id));
    expect(row).toMatchObject({
      topic: 'melding.gemeld',
      payload: { meldingId: id, statusEventId: event?.id },
    });
    expect(typeof (row?.payload as { statusEventId?: unknown } | undefined)?.statusEventId).toBe('number');

    const status = await t.app.inject({ method: 'GET', url: `/api/v1/status/${statusUrl.split('/m/')[1]}` });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ reference, status: { code: 'gemeld', label: 'Ontvangen' } });
  });

  it('stores a multipart melding with a photo, and replays an idempotent request', async () => {
    const { payload, headers } = await multipart(validIntake({ contact: undefined }), [
      { filename: 'a.jpg', data: await jpegWithGps() },
    ]);
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen',
        payload,
        headers: { ...headers, 'idempotency-key': 'pglite-1' },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const again = await send();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(
      await database.db.$count(schema.attachments, eq(schema.attachments.meldingId, first.json().id)),
    ).toBe(1);
    expect(await database.db.$count(schema.melders, eq(schema.melders.meldingId, first.json().id))).toBe(0);
  });
});
