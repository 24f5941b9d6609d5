import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * A client for commands that must fail fast when Redis is away (health, rate limits, sandbox
 * settle) rather than queue up and hang the request.
 */
export function createRedisClient(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: false,
    ...options,
  });
}

/** Connection options for BullMQ (it needs `maxRetriesPerRequest: null` on blocking clients). */
export function bullConnection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}

/**
 * Resolves once the client is ready or after `timeoutMs`, whichever comes first: a process may
 * start while Redis is away (readiness then says so), but one that starts with Redis up should
 * not answer its first readiness probe with "down" just because the socket is still opening.
 */
export function settleConnection(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
  });
}
