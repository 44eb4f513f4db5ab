import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as schema from '@buurtsignaal/db/schema';
import { describe, expect, it } from 'vitest';
import { startApiMaintenance, sweepOrphanPhotos } from '../../src/photos/orphan-sweep.ts';
import { createFilePhotoStore } from '../../src/photos/photo-store.ts';
import { buildTestApp, jpegWithGps, listFiles, multipart, validIntake } from '../support/helpers.ts';
import { useTestDatabase } from '../support/test-app.ts';

const database = useTestDatabase();

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

function plantFile(root: string, key: string, modifiedAt: Date): void {
  const path = join(root, key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, modifiedAt, modifiedAt);
}

describe('orphaned photo files', () => {
  it('removes old files without a melding, keeps stored photos and files of requests in flight', async () => {
    const t = await buildTestApp(database.client);
    try {
      const { payload, headers } = await multipart(validIntake(), [
        { filename: 'a.jpg', data: await jpegWithGps() },
      ]);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
      expect(res.statusCode).toBe(201);
      const [stored] = listFiles(t.photosDir);
      expect(stored).toBeDefined();
      // Make the stored photo old too: age alone must not get it deleted.
      utimesSync(join(t.photosDir, stored ?? ''), hoursAgo(5), hoursAgo(5));

      plantFile(t.photosDir, '2026/11/0b5e4c4e-0000-4000-8000-000000000001.jpg', hoursAgo(3)); // crash leftover
      plantFile(t.photosDir, '2026/11/0b5e4c4e-0000-4000-8000-000000000002.jpg', new Date()); // in flight
      plantFile(t.photosDir, '2026/11/0b5e4c4e-0000-4000-8000-000000000003.jpg.abc123.tmp', hoursAgo(3));

      const result = await sweepOrphanPhotos(createFilePhotoStore(t.photosDir), database.client, {
        now: new Date(),
      });
      expect(result.deleted).toBe(1);
      expect(listFiles(t.photosDir).sort()).toEqual(
        [stored, '2026/11/0b5e4c4e-0000-4000-8000-000000000002.jpg'].sort(),
      );
    } finally {
      await t.close();
    }
  });

  it('maintenance also forgets idempotency keys older than a day', async () => {
    const db = database.client.db;
    await db.insert(schema.idempotencyKeys).values([
      { key: 'intake:old', requestHash: 'h', state: 'done', createdAt: hoursAgo(30) },
      { key: 'intake:new', requestHash: 'h', state: 'done', createdAt: hoursAgo(1) },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'bs-maint-'));
    const maintenance = startApiMaintenance({ store: createFilePhotoStore(dir), database: database.client });
    try {
      await maintenance.runOnce();
      const keys = await db.select({ key: schema.idempotencyKeys.key }).from(schema.idempotencyKeys);
      expect(keys.map((r) => r.key)).toEqual(['intake:new']);
    } finally {
      maintenance.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
