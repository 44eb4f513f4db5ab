import { createDatabase, type DatabaseClient } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { TcpProxy, testEnv, waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorTexts, intakeTexts } from '../../src/texts/index.ts';
import {
  buildTestApp,
  jpegWithGps,
  listFiles,
  multipart,
  type TestApp,
  validIntake,
} from '../support/helpers.ts';
import { useTestDatabase } from '../support/test-app.ts';

// Honest answers when the database fails: a 503 with Retry-After, and never "niet opgeslagen" for a
// melding that may have been stored. The API reaches PostgreSQL through a TCP proxy of this file's own.

const database = useTestDatabase();

const target = new URL(testEnv.databaseAdminUrl);

/** An app whose database connections go through `proxy`. */
async function appBehind(proxy: TcpProxy): Promise<{ t: TestApp; client: DatabaseClient }> {
  const url = new URL(database.url);
  url.port = String(proxy.port);
  const client = await createDatabase({ databaseUrl: url.toString(), poolMax: 2 });
  return { t: await buildTestApp(client), client };
}

const meldingenWith = (description: string) =>
  database.client.db.select().from(schema.meldingen).where(eq(schema.meldingen.description, description));

async function send(t: TestApp, description: string, key?: string) {
  const { payload, headers } = await multipart(validIntake({ description }), [
    { filename: 'a.jpg', data: await jpegWithGps() },
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/meldingen',
    payload,
    headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
  });
}

describe('the connection is lost after the intake statement was sent', () => {
  it('answers 503 "not known whether stored"; the melding is stored, and a retry with the key gives its 201', async () => {
    const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const { t, client } = await appBehind(proxy);
    try {
      const description = `Vernielingen bij het bushokje, verbinding weg ${Date.now()}.`;
      // The intake is one named statement: its Parse/Bind messages carry the name.
      const cut = proxy.cutAfterRequest('bs_insert_melding');
      const first = await send(t, description, 'cut-at-commit-1');
      await cut;

      expect(first.statusCode, first.body).toBe(503);
      expect(first.headers['retry-after']).toBe('10');
      expect(first.json()).toEqual({
        statusCode: 503,
        code: 'INTAKE_OUTCOME_UNKNOWN',
        error: 'Service Unavailable',
        message: intakeTexts.outcomeUnknown,
      });
      expect(first.body).not.toContain('niet opgeslagen');

      // The server did commit it, with its photo: the file stays with its row.
      const [stored] = await waitUntil(async () => {
        const rows = await meldingenWith(description);
        return rows.length > 0 ? rows : undefined;
      });
      if (!stored) throw new Error('no melding');
      expect(
        await database.client.db.$count(schema.attachments, eq(schema.attachments.meldingId, stored.id)),
      ).toBe(1);
      expect(listFiles(t.photosDir)).toHaveLength(1);

      const retry = await send(t, description, 'cut-at-commit-1');
      expect(retry.statusCode, retry.body).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toMatchObject({ id: stored.id, reference: stored.reference });
      expect(await meldingenWith(description)).toHaveLength(1);
    } finally {
      await t.close();
      await client.close();
      await proxy.close();
    }
  });
});

describe('PostgreSQL cannot be reached at all', () => {
  it('answers 503 with Retry-After and stores nothing, leaving no photo files; /health/ready is 503', async () => {
    const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const { t, client } = await appBehind(proxy);
    try {
      const before = await database.client.db.$count(schema.meldingen);
      // Closing the proxy closes its connections and its port: new connections are refused.
      await proxy.close();

      const description = `Harde muziek in de nacht, database weg ${Date.now()}.`;
      const anonymous = await send(t, description);
      expect(anonymous.statusCode, anonymous.body).toBe(503);
      expect(anonymous.headers['retry-after']).toBe('10');
      expect(anonymous.json()).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        error: 'Service Unavailable',
        message: intakeTexts.notStoredUnavailable,
      });

      // With a key the claim fails first: an earlier attempt may have stored it, so nothing is claimed.
      const keyed = await send(t, description, 'down-1');
      expect(keyed.statusCode, keyed.body).toBe(503);
      expect(keyed.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: errorTexts.unavailable });
      expect(keyed.headers['retry-after']).toBe('10');

      // Every route, not only the intake.
      const status = await t.app.inject({ method: 'GET', url: `/api/v1/status/${'a'.repeat(43)}` });
      expect(status.statusCode, status.body).toBe(503);
      expect(status.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expect(status.headers['retry-after']).toBe('10');

      const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);

      expect(await database.client.db.$count(schema.meldingen)).toBe(before);
      expect(listFiles(t.photosDir)).toEqual([]);
    } finally {
      await t.close();
      await client.close();
    }
  });
});
