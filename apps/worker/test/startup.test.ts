import { resolve } from 'node:path';
import { OwnRedis } from '@buurtsignaal/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedis, startWorkerServer } from '../src/bootstrap.ts';
import { loadWorkerConfig } from '../src/config.ts';
import { silentLogger } from './support/helpers.ts';
import { useTestDatabase } from './support/worker-harness.ts';

describe('start-up refuses an unsafe Redis', () => {
  let redis: OwnRedis;
  let admin: Redis;
  const database = useTestDatabase();

  beforeAll(async () => {
    redis = await OwnRedis.start();
    admin = new Redis(redis.url);
  });

  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });

  it('refuses maxmemory-policy allkeys-lru, accepts noeviction', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await expect(checkRedis(redis.url)).rejects.toThrow(/noeviction/);
    const config = loadWorkerConfig({
      DATABASE_URL: database.testDb.url,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'silent',
    });
    await expect(startWorkerServer(config, silentLogger)).rejects.toThrow(/allkeys-lru/);

    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await expect(checkRedis(redis.url)).resolves.toBeUndefined();
    const server = await startWorkerServer(
      { ...config, smtpUrl: 'smtp://127.0.0.1:1', redisKeyPrefix: 'bs-startup', healthPort: 0 },
      silentLogger,
    );
    await server.close();
  });

  it('refuses a Redis that is not there', async () => {
    await expect(checkRedis('redis://127.0.0.1:1', 500)).rejects.toThrow(/not reachable/);
  });

  it('refuses to run standalone without PostgreSQL', async () => {
    const config = loadWorkerConfig({ REDIS_URL: redis.url });
    await expect(startWorkerServer(config, silentLogger)).rejects.toThrow(/DATABASE_URL/);
  });
});

describe('loadWorkerConfig', () => {
  it('has working defaults', () => {
    expect(loadWorkerConfig({})).toMatchObject({
      databaseUrl: undefined,
      dataDir: resolve('.data'),
      mailboxDir: resolve('.data/mailbox'),
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
      mailFrom: 'Gemeente Soest – Buurtsignaal <noreply@buurtsignaal.local>',
      publicBaseUrl: 'http://localhost:3000',
      outboxSweepIntervalMs: 5_000,
      redisKeyPrefix: 'bs',
      logLevel: 'info',
      concurrency: 5,
      statusLinkKey: undefined,
    });
  });

  it('reads and normalises the environment', () => {
    const config = loadWorkerConfig({
      SMTP_URL: 'smtp://mail.example.nl:587',
      PUBLIC_BASE_URL: 'https://buurtsignaal.soest.nl/',
      WORKER_CONCURRENCY: '12',
      DATA_DIR: '/var/lib/bs/',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtp://mail.example.nl:587',
      publicBaseUrl: 'https://buurtsignaal.soest.nl',
      concurrency: 12,
      mailboxDir: '/var/lib/bs/mailbox',
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.nl' }, /SMTP_URL/],
    [{ REDIS_KEY_PREFIX: 'bs:prod' }, /REDIS_KEY_PREFIX/],
    [{ WORKER_CONCURRENCY: '0' }, /WORKER_CONCURRENCY/],
    [{ STATUS_LINK_KEY: 'te-kort' }, /STATUS_LINK_KEY/],
  ])('rejects %o', (env, message) => {
    expect(() => loadWorkerConfig(env)).toThrow(message);
  });

  it('looks addresses up at PDOK by default, none with `off`; coalesces status mails within 120 s by default', () => {
    expect(loadWorkerConfig({})).toMatchObject({
      geocoding: {
        pdokBaseUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
        maxDistanceM: 100,
        retry: { attempts: 10, backoffMs: 5_000 },
      },
      mailCoalesceMs: 120_000,
    });
    const set = loadWorkerConfig({
      PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:8080/pdok/',
      GEOCODE_ATTEMPTS: '3',
      MAIL_COALESCE_SECONDS: '0',
    });
    expect(set.geocoding).toMatchObject({
      pdokBaseUrl: 'http://127.0.0.1:8080/pdok',
      retry: { attempts: 3 },
    });
    expect(set.mailCoalesceMs).toBe(0);
    expect(loadWorkerConfig({ PDOK_LOCATIESERVER_URL: 'off' }).geocoding).toBeUndefined();
    expect(() => loadWorkerConfig({ PDOK_LOCATIESERVER_URL: 'ftp://pdok' })).toThrow(
      /PDOK_LOCATIESERVER_URL/,
    );
  });
});
