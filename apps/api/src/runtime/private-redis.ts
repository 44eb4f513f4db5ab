import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';

export class RedisUnavailableError extends Error {}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no free port')),
      );
    });
  });
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded default needs Redis for BullMQ. Without REDIS_URL we start a private redis-server from
 * PATH, bound to 127.0.0.1, persisting to an append-only file under the data dir so that queued jobs
 * survive a restart, with noeviction so that no job is ever dropped.
 */
export async function startPrivateRedis(dataDir: string): Promise<PrivateRedis> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new RedisUnavailableError(
      'Buurtsignaal heeft Redis nodig, maar er is geen REDIS_URL ingesteld en redis-server staat niet in PATH. ' +
        'Installeer Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) ' +
        'of zet REDIS_URL=redis://host:6379 naar een bestaande Redis.',
    );
  }
  const dir = resolve(join(dataDir, 'redis'));
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new RedisUnavailableError(`redis-server stopte direct (code ${child.exitCode}).`);
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      // Loading a large AOF answers LOADING until done; wait for a real PONG.
      await redis.ping();
      redis.disconnect();
      break;
    } catch {
      redis.disconnect();
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new RedisUnavailableError('redis-server startte niet binnen 15 seconden.');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      // SIGTERM lets redis fsync its append-only file before it exits.
      child.kill('SIGTERM');
      await exited;
    },
  };
}
