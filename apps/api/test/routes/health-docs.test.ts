import { once } from 'node:events';
import { toPublicCategories } from '@buurtsignaal/core';
import { createRedisConnection } from '@buurtsignaal/jobs';
import { freePort, testEnv } from '@buurtsignaal/testkit';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import { useTestDatabase } from '../support/test-app.ts';

const database = useTestDatabase();
const opened: { app?: TestApp; redis?: Redis }[] = [];

afterAll(async () => {
  for (const o of opened) {
    await o.app?.close();
    o.redis?.disconnect();
  }
});

async function appWithRedis(url: string | undefined): Promise<TestApp> {
  const redis = url ? createRedisConnection({ url, role: 'producer' }) : undefined;
  // A producer connection fails fast until it is connected; the reachable case waits for that.
  if (redis && url === testEnv.redisUrl && redis.status !== 'ready') await once(redis, 'ready');
  const app = await buildTestApp(database.client, redis ? { redis } : {});
  opened.push({ app, ...(redis ? { redis } : {}) });
  return app;
}

describe('health', () => {
  it('/health/live is 200', async () => {
    const t = await appWithRedis(undefined);
    const res = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/health/ready is 200 when the database and Redis answer', async () => {
    const t = await appWithRedis(testEnv.redisUrl);
    const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    expect(res.statusCode).toBe(200);
  });

  it('/health/ready is 503 and names Redis when Redis is unreachable', async () => {
    const closedPort = await freePort();
    const t = await appWithRedis(`redis://127.0.0.1:${closedPort}`);
    const started = Date.now();
    const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: 'error' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('categories and docs', () => {
  it('GET /api/v1/categories gives what the form needs', async () => {
    const t = await appWithRedis(undefined);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(toPublicCategories())));
    expect(res.json().categories.map((c: { id: string }) => c.id)).toEqual([
      'jeugdoverlast',
      'woonoverlast',
      'verdachte_situatie',
    ]);
    expect(res.body).not.toContain('defaultTeam');
  });

  it('GET /api/v1/config tells the web app where PDOK and the map tiles are', async () => {
    const redisless = await buildTestApp(database.client, {
      env: {
        PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9/pdok/',
        MAP_TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png',
      },
    });
    opened.push({ app: redisless });
    const res = await redisless.app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      municipality: { name: 'Soest', code: 'GM0342' },
      pdok: { locatieserverUrl: 'http://127.0.0.1:9/pdok' },
      map: { tileUrl: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', maxZoom: 19 },
    });
    const defaults = await appWithRedis(undefined);
    expect(
      (await defaults.app.inject({ method: 'GET', url: '/api/v1/config' })).json().pdok.locatieserverUrl,
    ).toBe('https://api.pdok.nl/bzk/locatieserver/search/v3_1');
  });

  it('serves the OpenAPI document with every route and its schemas, and the UI at /api/docs', async () => {
    const t = await appWithRedis(undefined);
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/meldingen',
        '/api/v1/status/{token}',
        '/api/v1/categories',
        '/health/live',
        '/health/ready',
      ]),
    );
    const intake = doc.paths['/api/v1/meldingen'].post;
    expect(intake.requestBody.content['application/json'].schema.properties).toHaveProperty('location');
    expect(intake.responses).toHaveProperty('201');
    expect(intake.responses).toHaveProperty('422');
    expect(JSON.stringify(doc.paths)).not.toContain('/api/docs');

    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    const asset = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(asset.statusCode).toBe(200);
  });
});
