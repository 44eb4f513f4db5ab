import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadApiConfig } from '../src/config.ts';
import { createFilePhotoStore } from '../src/photos/photo-store.ts';
import { validIntake } from './support/helpers.ts';
import { captureLines, useTestDatabase } from './support/test-app.ts';

// Personal data (e-mail, phone, description) and status tokens must never appear in the logs.
const { lines, stream } = captureLines();

const database = useTestDatabase();

describe('logs', () => {
  it('carry no personal data or tokens, also when a query fails', async () => {
    const config = loadApiConfig({ DATA_DIR: '/tmp/bs-log-test', LOG_LEVEL: 'debug' });
    const app = await buildApp({
      config,
      database: database.client,
      photoStore: createFilePhotoStore(config.photosDir),
      logger: { stream },
    });
    try {
      const intake = validIntake({ description: 'Zeer-herkenbare-omschrijving van de buurman op nummer 7.' });
      const ok = await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: intake });
      expect(ok.statusCode).toBe(201);
      const token = ok.json().statusUrl.split('/m/')[1];
      expect((await app.inject({ method: 'GET', url: `/api/v1/status/${token}` })).statusCode).toBe(200);
      await app.inject({
        method: 'POST',
        url: '/api/v1/meldingen',
        payload: { ...intake, category: 'onbekend' },
      });

      await database.client.db.execute(
        sql`ALTER TABLE melders ADD CONSTRAINT no_mail CHECK (email IS NULL) NOT VALID`,
      );
      const failed = await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: intake });
      expect(failed.statusCode).toBe(500);
    } finally {
      await app.close();
    }
    const log = lines.join('');
    // The failure is logged, with the query but without its parameters.
    expect(log).toContain('Failed query');
    expect(log).toContain('no_mail');
    expect(log).toContain('/api/v1/status/[token]');
    for (const secret of [
      'bewoner@example.nl',
      'Bewoner@Example.nl',
      '12345678',
      'Zeer-herkenbare',
      '127.0.0.1',
    ]) {
      expect(log).not.toContain(secret);
    }
    const tokens = log.match(/[A-Za-z0-9_-]{43}/g) ?? [];
    expect(tokens).toEqual([]);
  });
});
