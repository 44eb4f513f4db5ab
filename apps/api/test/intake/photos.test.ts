import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as schema from '@buurtsignaal/db/schema';
import { asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/intake/photos.ts';
import {
  buildTestApp,
  heicLike,
  jpegWithGps,
  listFiles,
  multipart,
  pngImage,
  type TestApp,
  validIntake,
} from '../support/helpers.ts';
import { useTestApp } from '../support/test-app.ts';

const t = useTestApp();

const db = () => t.db;
const send = async (melding: unknown, files: Parameters<typeof multipart>[1] = []) => {
  const { payload, headers } = await multipart(melding, files);
  return t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
};
const counts = async () => ({
  meldingen: await db().$count(schema.meldingen),
  attachments: await db().$count(schema.attachments),
  files: listFiles(t.photosDir).length,
});

// Little-endian EXIF: the GPS IFD pointer tag 0x8825.
const hasGpsIfd = (exif: Buffer | undefined) =>
  exif !== undefined && exif.indexOf(Buffer.from([0x25, 0x88])) >= 0;

describe('POST /api/v1/meldingen (multipart with photos)', () => {
  it('stores re-encoded photos without EXIF/GPS, upright, with their metadata', async () => {
    const gps = await jpegWithGps();
    const rotated = await jpegWithGps({ orientation: 6, width: 64, height: 48 });
    // The test images really carry what must be stripped.
    expect(hasGpsIfd((await sharp(gps).metadata()).exif)).toBe(true);
    expect((await sharp(rotated).metadata()).orientation).toBe(6);

    const png = await pngImage();
    const res = await send(validIntake(), [
      { filename: 'IMG_0001.jpg', data: gps },
      { filename: 'IMG_0002.jpg', data: rotated },
      { name: 'foto', filename: 'scherm.png', type: 'image/png', data: png },
    ]);
    expect(res.statusCode).toBe(201);
    const { id } = res.json();

    const rows = await db()
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.meldingId, id))
      .orderBy(asc(schema.attachments.position));
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2]);
    for (const row of rows) {
      expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg$/);
      const stored = readFileSync(join(t.photosDir, row.storageKey));
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(stored.includes(Buffer.from('Exif'))).toBe(false);
      expect(stored.includes(Buffer.from('TestCam'))).toBe(false);
      expect(row).toMatchObject({
        mime: 'image/jpeg',
        size: stored.length,
        sha256: sha256Hex(stored),
        width: meta.width,
        height: meta.height,
      });
    }
    // Orientation 6 (rotate 90° clockwise): the 64×48 sensor image is stored upright as 48×64.
    expect([rows[0]?.width, rows[0]?.height]).toEqual([64, 48]);
    expect([rows[1]?.width, rows[1]?.height]).toEqual([48, 64]);
    expect([rows[2]?.width, rows[2]?.height]).toEqual([40, 30]);
  });

  it('scales a large photo down to at most 2048 px', async () => {
    const big = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: 'green' } })
      .jpeg()
      .toBuffer();
    const res = await send(validIntake(), [{ filename: 'groot.jpg', data: big }]);
    expect(res.statusCode).toBe(201);
    const [row] = await db()
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.meldingId, res.json().id));
    expect([row?.width, row?.height]).toEqual([2048, 1024]);
  });

  it('validates the melding field with the same schema and error format as a JSON body', async () => {
    const missing = await send(validIntake({ category: undefined }), [
      { filename: 'a.jpg', data: await jpegWithGps() },
    ]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(missing.json().details).toContainEqual({ field: 'category', message: 'Kies een categorie.' });

    const broken = await send('{"category":', []);
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'INVALID_JSON' });

    const absent = await send(undefined, [{ filename: 'a.jpg', data: await jpegWithGps() }]);
    expect(absent.statusCode).toBe(400);
    expect(absent.json().details).toContainEqual(expect.objectContaining({ field: 'melding' }));
  });

  it('accepts a multipart melding without photos', async () => {
    const res = await send(validIntake());
    expect(res.statusCode).toBe(201);
    expect(await db().$count(schema.attachments, eq(schema.attachments.meldingId, res.json().id))).toBe(0);
  });

  it('recognises photos by content: a text file named .jpg is 415 and nothing is stored', async () => {
    const before = await counts();
    const res = await send(validIntake(), [
      { filename: 'ok.jpg', data: await jpegWithGps() },
      {
        filename: 'foto.jpg',
        type: 'image/jpeg',
        data: Buffer.from('Dit is geen foto maar tekst.\n'.repeat(20)),
      },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('JPEG'),
    });
    expect(res.json().details).toEqual([{ field: 'photos[1]', message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses HEIC with 415 and asks for JPEG', async () => {
    const before = await counts();
    const res = await send(validIntake(), [
      { filename: 'IMG_1234.HEIC', type: 'image/heic', data: heicLike() },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(/HEIC.*JPEG/),
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a 4th photo with 413 naming the limit', async () => {
    const before = await counts();
    const photo = await jpegWithGps();
    const res = await send(
      validIntake(),
      [1, 2, 3, 4].map((n) => ({ filename: `${n}.jpg`, data: photo })),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'TOO_MANY_FILES', message: expect.stringContaining('3 foto') });
    // Far over the limit, the multipart parser's own limit answers the same way.
    const many = await send(
      validIntake(),
      [1, 2, 3, 4, 5, 6].map((n) => ({ filename: `${n}.jpg`, data: photo })),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ code: 'TOO_MANY_FILES', message: expect.stringContaining('3 foto') });
    expect(await counts()).toEqual(before);
  });

  it('accepts the melding JSON sent as a Blob (a file part)', async () => {
    const form = new FormData();
    form.append(
      'melding',
      new Blob([JSON.stringify(validIntake())], { type: 'application/json' }),
      'melding.json',
    );
    form.append('photos', new Blob([new Uint8Array(await jpegWithGps())], { type: 'image/jpeg' }), 'a.jpg');
    const request = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    });
    expect(res.statusCode).toBe(201);
    expect(await db().$count(schema.attachments, eq(schema.attachments.meldingId, res.json().id))).toBe(1);
  });

  it('refuses a 25 MB photo with 413 and leaves no file behind', async () => {
    const before = await counts();
    const huge = Buffer.concat([await jpegWithGps(), Buffer.alloc(25 * 1024 * 1024, 7)]);
    const res = await send(validIntake(), [{ filename: 'groot.jpg', data: huge }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('10 MB') });
    expect(await counts()).toEqual(before);
  });
});

describe('the pixel bound', () => {
  let small: TestApp;
  beforeAll(async () => {
    // 1000 pixels: the 64×48 test photo (3072 pixels) is over it, judged from the header alone.
    small = await buildTestApp(t.database.client, { env: { MAX_PHOTO_PIXELS: '1000' } });
  });
  afterAll(() => small?.close());

  it('refuses a photo with too many pixels before decoding it', async () => {
    const { payload, headers } = await multipart(validIntake(), [
      { filename: 'a.jpg', data: await jpegWithGps() },
    ]);
    const res = await small.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PHOTO_TOO_MANY_PIXELS',
      message: expect.stringContaining('1.000 beeldpunten'),
    });
    expect(listFiles(small.photosDir)).toEqual([]);
  });
});
