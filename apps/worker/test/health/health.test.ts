import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@buurtsignaal/db';
import { createMailTransport } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestDatabase,
  freePort,
  OwnRedis,
  testEnv,
  testRedisPrefix,
  waitUntil,
} from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadWorkerConfig } from '../../src/config.ts';
import { startHealthServer } from '../../src/health/health-server.ts';
import { startWorker } from '../../src/worker.ts';
import { mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

// The worker has no HTTP API; docker compose (and any orchestrator) asks its health endpoint. These
// tests run the real entry point (apps/worker/src/server.ts, the compose service's command) and the
// healthcheck command from docker-compose.yml itself.

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const entry = join(root, 'apps/worker/src/server.ts');

interface ComposeFile {
  services: Record<string, { healthcheck?: { test: string[] } }>;
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;

/** Runs the worker service's healthcheck as docker would inside the container; its exit code. */
function composeHealthcheck(port: number): Promise<number> {
  const test = compose.services.worker?.healthcheck?.test ?? [];
  expect(test.slice(0, 2)).toEqual(['CMD', 'node']);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      test.slice(2),
      { env: { ...process.env, WORKER_HEALTH_PORT: String(port) } },
      (err) => resolve(err ? (typeof err.code === 'number' ? err.code : 1) : 0),
    );
  });
}

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the standalone worker’s health endpoint', () => {
  const database = useTestDatabase();
  let redis: OwnRedis;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let output = '';
  let port: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-worker-health-'));
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    port = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !k.startsWith('SMTP_')) env[k] = v;
    Object.assign(env, {
      DATABASE_URL: database.testDb.url,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      WORKER_HEALTH_PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (d: Buffer) => (output += d.toString()));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited:\n${output}`);
        return (await fetch(url('/health/ready'))).ok;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the worker to be ready' },
    );
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is healthy when database, Redis and the job workers are', async () => {
    expect(await getJson(url('/health/ready'))).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', redis: 'ok', workers: 'ok' } },
    });
    expect((await getJson(url('/health/live'))).status).toBe(200);
    expect(await composeHealthcheck(port)).toBe(0);
  });

  it('says unavailable while Redis is down — still alive — and healthy again when it is back', async () => {
    await redis.stop();
    const down = await waitUntil(
      async () => {
        const r = await getJson(url('/health/ready'));
        return r.status === 503 ? r : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'the worker to report Redis down' },
    );
    expect(down.body).toEqual({
      status: 'unavailable',
      checks: { database: 'ok', redis: 'error', workers: 'ok' },
    });
    expect((await getJson(url('/health/live'))).status).toBe(200);
    expect(await composeHealthcheck(port)).toBe(1);
    expect(child.exitCode).toBeNull();

    await redis.start();
    await waitUntil(async () => (await fetch(url('/health/ready'))).ok, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'the worker to be healthy again',
    });
    expect(await composeHealthcheck(port)).toBe(0);
  });

  it('stops answering on SIGTERM and exits cleanly', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await composeHealthcheck(port)).toBe(1);
  });
});

describe('health probes', () => {
  it('reports stopped job workers (not alive) and an unreachable database', async () => {
    const database = await createTestDatabase();
    const prefix = testRedisPrefix('health');
    const mailboxDir = mkdtempSync(join(tmpdir(), 'bs-health-mail-'));
    const mailer = createMailTransport({ devMailboxDir: mailboxDir });
    const worker = await startWorker({
      database: database.client,
      redisUrl: testEnv.redisUrl,
      prefix,
      mailer,
      mailFrom,
      publicBaseUrl,
      logger: silentLogger,
    });
    // A client of its own, closed below: a database this worker can no longer reach.
    const own = await createDatabase({ databaseUrl: database.url });
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      logger: silentLogger,
      probes: {
        database: () => own.ping(),
        redis: () => worker.redisAnswers(),
        workersRunning: () => worker.isRunning(),
      },
    });
    const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
    try {
      expect((await getJson(url('/health/ready'))).status).toBe(200);
      await own.close();
      expect(await getJson(url('/health/ready'))).toEqual({
        status: 503,
        body: { status: 'unavailable', checks: { database: 'error', redis: 'ok', workers: 'ok' } },
      });
      await worker.close();
      expect((await getJson(url('/health/live'))).status).toBe(503);
      expect((await getJson(url('/health/ready'))).body).toMatchObject({ checks: { workers: 'error' } });
      expect((await getJson(url('/elders'))).status).toBe(404);
    } finally {
      await server.close();
      await worker.close();
      mailer.close();
      await cleanRedisPrefix(prefix);
      await database.drop();
      rmSync(mailboxDir, { recursive: true, force: true });
    }
  });
});

describe('WORKER_HEALTH_PORT / WORKER_HEALTH_HOST', () => {
  it('default to 3001 on loopback, can be switched off, and refuse what is not a port', () => {
    expect(loadWorkerConfig({})).toMatchObject({ healthPort: 3001, healthHost: '127.0.0.1' });
    expect(loadWorkerConfig({ WORKER_HEALTH_PORT: 'off', WORKER_HEALTH_HOST: '0.0.0.0' })).toMatchObject({
      healthPort: undefined,
      healthHost: '0.0.0.0',
    });
    for (const bad of ['abc', '70000', '-1']) {
      expect(() => loadWorkerConfig({ WORKER_HEALTH_PORT: bad })).toThrow(/WORKER_HEALTH_PORT/);
    }
  });
});
