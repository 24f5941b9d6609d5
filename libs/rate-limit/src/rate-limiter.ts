import type { FastifyReply } from 'fastify';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

export interface Limit {
  /** Attempts allowed in a window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one attempt against a fixed-window limit (blocked for a window once over it) and tells
 * the client where it stands with the headers @nestjs/throttler sends, so it can pace itself before
 * it is refused. Returns the seconds to wait when the attempt is refused, else null.
 */
export async function countAttempt(
  storage: RedisThrottlerStorage,
  reply: FastifyReply,
  name: string,
  key: string,
  { limit, windowSeconds }: Limit,
): Promise<number | null> {
  const windowMs = windowSeconds * 1000;
  const record = await storage.increment(key, windowMs, limit, windowMs, name);
  void reply
    .header('x-ratelimit-limit', String(limit))
    .header('x-ratelimit-remaining', String(record.isBlocked ? 0 : Math.max(0, limit - record.totalHits)))
    .header('x-ratelimit-reset', String(record.isBlocked ? record.timeToBlockExpire : record.timeToExpire));
  if (!record.isBlocked) return null;
  const retryAfterSeconds = Math.max(1, record.timeToBlockExpire);
  void reply.header('retry-after', String(retryAfterSeconds));
  return retryAfterSeconds;
}
