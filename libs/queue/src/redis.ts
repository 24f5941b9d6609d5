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

/** The commands socket.io's Redis adapter and emitter send without handling their promises. */
const UNAWAITED_COMMANDS = ['publish', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'] as const;

/**
 * A client for socket.io's adapter and emitter. They fire PUBLISH/SUBSCRIBE without awaiting, so
 * a command failing (Redis away at shutdown, a reconnect given up) would be an unhandled
 * rejection, which ends a Node process: here commands wait for a reconnect instead of failing,
 * and a failure left at disconnect is dropped — a push lost then is recovered from the inbox.
 */
export function createPubSubClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null });
  client.on('error', () => undefined);
  for (const command of UNAWAITED_COMMANDS) {
    const send = (client[command] as (...args: unknown[]) => Promise<unknown>).bind(client);
    Object.assign(client, {
      [command]: (...args: unknown[]) => {
        const result = send(...args);
        result.catch(() => undefined);
        return result;
      },
    });
  }
  return client;
}
