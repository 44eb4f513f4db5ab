import { describe, expect, it } from 'vitest';
import { buildTestApp, validIntake } from '../support/helpers.ts';
import { useTestApp } from '../support/test-app.ts';

const t = useTestApp({
  env: { INTAKE_RATE_LIMIT_MAX: '2', INTAKE_RATE_LIMIT_WINDOW_MS: '60000', TRUST_PROXY: '127.0.0.1' },
});

const post = (clientIp: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/meldingen',
    payload: validIntake(),
    headers: { 'x-forwarded-for': clientIp },
    remoteAddress: '127.0.0.1',
  });

describe('rate limit on POST /api/v1/meldingen', () => {
  it('answers 429 in the error format after INTAKE_RATE_LIMIT_MAX meldingen per client address', async () => {
    expect((await post('203.0.113.7')).statusCode).toBe(201);
    expect((await post('203.0.113.7')).statusCode).toBe(201);
    const limited = await post('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      statusCode: 429,
      code: 'RATE_LIMITED',
      error: 'Too Many Requests',
      message: expect.stringContaining('Wacht een paar minuten'),
    });
    expect(limited.headers['retry-after']).toBeDefined();

    // Another resident behind the same trusted proxy is not affected, and reading is not limited.
    expect((await post('198.51.100.23')).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(200);
    }
  });
});

describe('rate limit on GET /api/v1/status/:token', () => {
  it('answers 429 with Retry-After after STATUS_LOOKUP_RATE_LIMIT_MAX lookups per client address', async () => {
    const limited = await buildTestApp(t.database.client, {
      env: { STATUS_LOOKUP_RATE_LIMIT_MAX: '3', STATUS_LOOKUP_RATE_LIMIT_WINDOW_MS: '60000' },
    });
    try {
      const created = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen',
        payload: validIntake(),
      });
      const token = String(created.json().statusUrl).split('/m/')[1];
      const lookup = (path: string, ip: string) =>
        limited.app.inject({ method: 'GET', url: `/api/v1/status/${path}`, remoteAddress: ip });
      // Someone guessing tokens: unknown ones count as well as the right one.
      expect((await lookup(`${token}`, '203.0.113.50')).statusCode).toBe(200);
      expect((await lookup('geraden-token-1', '203.0.113.50')).statusCode).toBe(404);
      expect((await lookup('geraden-token-2', '203.0.113.50')).statusCode).toBe(404);
      const res = await lookup(`${token}`, '203.0.113.50');
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: expect.stringContaining('status opgevraagd'),
      });
      // Another melder is not affected.
      expect((await lookup(`${token}`, '198.51.100.50')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
