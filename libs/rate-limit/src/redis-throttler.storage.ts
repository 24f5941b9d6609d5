import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { RateLimitUnavailableError } from './rate-limit.errors.js';

// The package does not export this type from its entry point.
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/*
 * One round trip, atomic: count the hit in a fixed window; past the limit, set a block key for
 * blockDuration and restart the window, so the block is served from one key until it expires.
 * Returns {hits, windowMsLeft, blocked, blockMsLeft}.
 */
const INCREMENT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, blockDuration = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  return {tonumber(redis.call('GET', blockKey)), blockLeft, 1, blockLeft}
end
local hits = redis.call('INCR', hitsKey)
local left = redis.call('PTTL', hitsKey)
if left < 0 then
  redis.call('PEXPIRE', hitsKey, ttl)
  left = ttl
end
if hits <= limit then
  return {hits, left, 0, 0}
end
if blockDuration <= 0 then
  return {hits, left, 1, left}
end
redis.call('SET', blockKey, hits, 'PX', blockDuration)
redis.call('DEL', hitsKey)
return {hits, blockDuration, 1, blockDuration}
`;

const seconds = (ms: number): number => Math.ceil(ms / 1000);

/**
 * @nestjs/throttler storage in Redis, shared by every api process. Durations arrive in ms
 * (throttler v6) and leave in seconds, like the library's in-memory storage.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.keyPrefix}:throttle:${throttlerName}:${key}`;
    let reply: [number, number, number, number];
    try {
      reply = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration)) as typeof reply;
    } catch {
      throw new RateLimitUnavailableError();
    }
    const [totalHits, windowLeft, blocked, blockLeft] = reply;
    return {
      totalHits,
      timeToExpire: seconds(windowLeft),
      isBlocked: blocked === 1,
      timeToBlockExpire: seconds(blockLeft),
    };
  }
}
