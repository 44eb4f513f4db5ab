import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { testEnv } from './env.ts';

/** A key prefix of its own for one test file, so files share the Redis service without meeting. */
export function testRedisPrefix(label = 'test'): string {
  return `bs-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix` (BullMQ keys are `<prefix>:<queue>:…`). */
export async function cleanRedisPrefix(prefix: string, url = testEnv.redisUrl): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A redis-server of the test's own (never the shared service), which the test may stop and start
 * again on the same port to simulate an outage.
 */
export class OwnRedis {
  private process: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      probe.on('error', () => {});
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not start`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = undefined;
  }
}

/**
 * Jobs of every worker queue under `prefix` (not the teams' roster queues) that still have to run:
 * waiting, active, delayed, prioritized or paused. A test that wants to show that nothing more will happen waits for 0 instead of
 * sleeping.
 */
export async function pendingJobs(prefix: string, url = testEnv.redisUrl): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let total = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const kind = key.slice(key.lastIndexOf(':') + 1);
        // The next run of a job scheduler (e.g. hotspot detection every 5 minutes) is always delayed:
        // it is not work that is left to do.
        // A roster queue's delayed jobs are the escalation's later steps (pick-up checks minutes or hours
        // away): not work left to do now; its waiting and running dispatch steps are.
        const roster = key.startsWith(`${prefix}:roster-`);
        const own = (ids: string[]) => ids.filter((id) => !id.startsWith('repeat:')).length;
        if (kind === 'wait' || kind === 'active' || kind === 'paused')
          total += own(await redis.lrange(key, 0, -1));
        else if (kind === 'prioritized' || (kind === 'delayed' && !roster))
          total += own(await redis.zrange(key, '0', '-1'));
      }
    } while (cursor !== '0');
    return total;
  } finally {
    redis.disconnect();
  }
}

/** Waits until no job under `prefix` is left to run (see `pendingJobs`), seen twice 100 ms apart. */
export async function waitForIdleQueues(
  prefix: string,
  { url = testEnv.redisUrl, timeoutMs = 30_000 } = {},
): Promise<void> {
  let idleSince: number | undefined;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingJobs(prefix, url);
    if (pending === 0) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= 100) return;
    } else idleSince = undefined;
    if (Date.now() > deadline) throw new Error(`timed out waiting for idle queues: ${pending} jobs pending`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
