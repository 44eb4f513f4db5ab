import { resolve } from 'node:path';
import { defaultHarmWeights } from '@buurtsignaal/core/advice';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_HOST, loadApiConfig } from '../src/config.ts';
import { createFilePhotoStore, isValidPhotoKey, photoKey } from '../src/photos/photo-store.ts';

describe('loadApiConfig', () => {
  it('has defaults for the embedded mode', () => {
    expect(loadApiConfig({})).toMatchObject({
      port: 3000,
      // Each entry point has its own default (DEFAULT_HOST): every interface for server.ts, 127.0.0.1
      // for the embedded default.
      host: undefined,
      databaseUrl: undefined,
      dataDir: resolve('.data'),
      photosDir: resolve('.data/photos'),
      redisUrl: undefined,
      publicBaseUrl: 'http://localhost:3000',
      referencePrefix: 'SOE',
      trustProxy: false,
      intakeRateLimit: { max: 10, windowMs: 60_000 },
      maxPhotoPixels: 50_000_000,
      statusLinkKey: undefined,
      logLevel: 'info',
    });
  });

  it('listens on this machine only in the embedded default, everywhere in production, or where HOST says', () => {
    expect(DEFAULT_HOST).toEqual({ server: '0.0.0.0', embedded: '127.0.0.1' });
    expect(loadApiConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadApiConfig({ HOST: ' ' }).host).toBeUndefined();
  });

  it('resolves a relative DATA_DIR against the folder the command was started in', () => {
    // pnpm runs `pnpm start` in apps/api but tells where the user stood in INIT_CWD.
    expect(loadApiConfig({ DATA_DIR: '.data', INIT_CWD: '/srv/buurtsignaal' })).toMatchObject({
      dataDir: '/srv/buurtsignaal/.data',
      photosDir: '/srv/buurtsignaal/.data/photos',
    });
    expect(loadApiConfig({ DATA_DIR: '/var/lib/bs', INIT_CWD: '/srv' }).dataDir).toBe('/var/lib/bs');
  });

  it('parses TRUST_PROXY, trims a trailing slash and treats empty values as unset', () => {
    expect(loadApiConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadApiConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadApiConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(loadApiConfig({ PUBLIC_BASE_URL: 'https://meld.soest.nl/' }).publicBaseUrl).toBe(
      'https://meld.soest.nl',
    );
    expect(loadApiConfig({ DATABASE_URL: '', REDIS_URL: ' ' })).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
    });
  });

  it('refuses invalid values with a message naming the variable', () => {
    expect(() => loadApiConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadApiConfig({ REFERENCE_PREFIX: 'soe' })).toThrow(/REFERENCE_PREFIX/);
    expect(() => loadApiConfig({ STATUS_LINK_KEY: 'c2hvcnQ=' })).toThrow(/STATUS_LINK_KEY/);
    expect(() => loadApiConfig({ INTAKE_RATE_LIMIT_MAX: '0' })).toThrow(/INTAKE_RATE_LIMIT_MAX/);
  });
});

describe('photo store keys', () => {
  it('accepts the keys the API makes and refuses path traversal', async () => {
    expect(
      isValidPhotoKey(photoKey('5f0c8f8e-1b7a-4d6e-9c1e-0a1b2c3d4e5f', new Date('2026-11-26T12:00:00Z'))),
    ).toBe(true);
    expect(photoKey('abc', new Date('2026-01-05T00:00:00Z'))).toBe('2026/01/abc.jpg');
    for (const bad of [
      '../x.jpg',
      '2026/../../etc/passwd.jpg',
      '/etc/x.jpg',
      'a/./b.jpg',
      'x.exe',
      '',
      'a//b.jpg',
    ]) {
      expect(isValidPhotoKey(bad)).toBe(false);
    }
    const store = createFilePhotoStore('/tmp/bs-never-written');
    await expect(store.put('../escape.jpg', Buffer.from('x'))).rejects.toThrow(/invalid photo key/);
    expect(await store.get('2026/01/absent.jpg')).toBeNull();
  });
});

describe('roster advice settings', () => {
  const base = { DATA_DIR: '/tmp/bs-config-test' };
  it('reads the history weeks and harm weights, with core defaults', () => {
    expect(loadApiConfig(base).advice).toEqual({ historyWeeks: 8, harmWeights: defaultHarmWeights });
    const weights = { categories: { jeugdoverlast: 1.5 }, subcategories: { 'jeugdoverlast/intimidatie': 3 } };
    const set = loadApiConfig({
      ...base,
      ADVICE_HISTORY_WEEKS: '4',
      ADVICE_HARM_WEIGHTS: JSON.stringify(weights),
    });
    expect(set.advice).toEqual({ historyWeeks: 4, harmWeights: weights });
  });

  it('refuses weeks outside 4–8 and weights that are no JSON or out of range', () => {
    expect(() => loadApiConfig({ ...base, ADVICE_HISTORY_WEEKS: '12' })).toThrow(/ADVICE_HISTORY_WEEKS/);
    expect(() => loadApiConfig({ ...base, ADVICE_HARM_WEIGHTS: '{nope' })).toThrow(
      /ADVICE_HARM_WEIGHTS must be JSON/,
    );
    const bad = JSON.stringify({ categories: { jeugdoverlast: 50 }, subcategories: {} });
    expect(() => loadApiConfig({ ...base, ADVICE_HARM_WEIGHTS: bad })).toThrow(
      /ADVICE_HARM_WEIGHTS: categories.jeugdoverlast/,
    );
  });
});
