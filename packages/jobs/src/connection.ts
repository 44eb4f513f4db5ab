import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  url: string;
  /**
   * 'worker': blocks and retries forever (BullMQ workers need maxRetriesPerRequest: null).
   * 'producer': on a request or relay path, fails fast while Redis is down instead of queueing
   * commands offline for minutes; the outbox keeps the work.
   */
  role: 'worker' | 'producer';
  onError?: (err: Error) => void;
}

export function createRedisConnection({ url, role, onError }: RedisConnectionOptions): Redis {
  const retryStrategy = (times: number) => Math.min(times * 200, 2_000);
  const redis =
    role === 'worker'
      ? new Redis(url, { maxRetriesPerRequest: null, retryStrategy })
      : new Redis(url, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2_000,
          retryStrategy,
        });
  // Without a listener ioredis logs unhandled errors; callers decide what an outage means.
  redis.on('error', (err) => onError?.(err));
  return redis;
}

/**
 * BullMQ loses jobs silently when Redis evicts keys under memory pressure, so refuse to start on a
 * Redis whose maxmemory-policy is anything but noeviction.
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1];
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}"; Buurtsignaal needs "noeviction" so that no job is ever evicted. ` +
        'Set it with: redis-cli CONFIG SET maxmemory-policy noeviction (and in redis.conf).',
    );
  }
}
