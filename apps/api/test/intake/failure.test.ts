import * as schema from '@buurtsignaal/db/schema';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createFilePhotoStore } from '../../src/photos/photo-store.ts';
import { buildTestApp, jpegWithGps, listFiles, multipart, validIntake } from '../support/helpers.ts';
import { useTestDatabase } from '../support/test-app.ts';

// "No melding without its photos, no photo without its melding" (ARCHITECTURE.md), when things fail.

const database = useTestDatabase();

const db = () => database.client.db;
const rowCounts = async () => ({
  meldingen: await db().$count(schema.meldingen),
  melders: await db().$count(schema.melders),
  attachments: await db().$count(schema.attachments),
  statusEvents: await db().$count(schema.statusEvents),
  outbox: await db().$count(schema.outbox),
  idempotencyKeys: await db().$count(schema.idempotencyKeys),
});

describe('a failing intake', () => {
  it('leaves no rows and no photo files when the database refuses part of the transaction', async () => {
    const t = await buildTestApp(database.client);
    // The last row the intake writes (the outbox row) fails: everything before it must be undone too.
    await db().execute(sql`
      CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'outbox refused by test (secret detail)'; END; $$ LANGUAGE plpgsql`);
    await db().execute(
      sql`CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_outbox()`,
    );
    try {
      const before = await rowCounts();
      const { payload, headers } = await multipart(validIntake(), [
        { filename: 'a.jpg', data: await jpegWithGps() },
        { filename: 'b.jpg', data: await jpegWithGps({ orientation: 6 }) },
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen',
        payload,
        headers: { ...headers, 'idempotency-key': 'failing-1' },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        error: 'Internal Server Error',
        message: expect.stringContaining('niet opgeslagen'),
      });
      expect(res.body).not.toContain('secret detail');
      expect(res.body).not.toContain('outbox');
      expect(await rowCounts()).toEqual(before);
      expect(listFiles(t.photosDir)).toEqual([]);
    } finally {
      await db().execute(sql`DROP TRIGGER refuse_outbox ON outbox`);
      await db().execute(sql`DROP FUNCTION refuse_outbox()`);
      await t.close();
    }
  });

  it('removes the photos already written when the photo store fails halfway', async () => {
    let puts = 0;
    const t = await buildTestApp(database.client, {
      photoStore: (dir) => {
        const files = createFilePhotoStore(dir);
        return {
          ...files,
          async put(key, bytes) {
            puts += 1;
            // The second write fails at once, while the first is still being written.
            if (puts === 2) throw new Error('disk full');
            await new Promise((r) => setTimeout(r, 30));
            await files.put(key, bytes);
          },
        };
      },
    });
    try {
      const before = await rowCounts();
      const { payload, headers } = await multipart(validIntake(), [
        { filename: 'a.jpg', data: await jpegWithGps() },
        { filename: 'b.jpg', data: await jpegWithGps() },
      ]);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
      expect(res.statusCode).toBe(500);
      expect(puts).toBe(2);
      expect(await rowCounts()).toEqual(before);
      expect(listFiles(t.photosDir)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
