import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import { ServiceUnavailableError } from '@app/errors';
import { createRedisClient } from '@app/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { RedisThrottlerStorage } from '../redis-throttler.storage.js';

const MINUTE_MS = 60_000;

describe('rate-limit counters in Redis', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let storage: RedisThrottlerStorage;

  beforeAll(() => {
    redis = createRedisClient(loadConfig().redis.url, { enableOfflineQueue: true });
    storage = new RedisThrottlerStorage(redis, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const hit = (key: string, limit = 3, blockMs = MINUTE_MS) => storage.increment(key, MINUTE_MS, limit, blockMs, 'login');

  it('lets the first `limit` attempts of a window through and counts them', async () => {
    const records = [await hit('a'), await hit('a'), await hit('a')];
    expect(records.map((record) => record.totalHits)).toEqual([1, 2, 3]);
    expect(records.every((record) => !record.isBlocked)).toBe(true);
    expect(records[2]!.timeToExpire).toBeGreaterThan(0);
    expect(records[2]!.timeToExpire).toBeLessThanOrEqual(60);
  });

  it('blocks the attempt after the limit, and keeps blocking for the block duration', async () => {
    for (let n = 0; n < 3; n++) await hit('b');
    const blocked = await hit('b');
    expect(blocked).toMatchObject({ isBlocked: true, totalHits: 4 });
    expect(blocked.timeToBlockExpire).toBeGreaterThan(0);
    expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(await hit('b')).toMatchObject({ isBlocked: true });
  });

  it('keeps separate counters for separate keys', async () => {
    for (let n = 0; n < 4; n++) await hit('c');
    expect(await hit('d')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('counts concurrent attempts exactly (one atomic script per attempt)', async () => {
    const records = await Promise.all(Array.from({ length: 20 }, () => hit('e', 10)));
    expect(records.filter((record) => !record.isBlocked)).toHaveLength(10);
    expect(records.map((record) => record.totalHits).sort((x, y) => x - y).slice(0, 10)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('keeps every counter under <prefix>:throttle: with an expiry, so they never pile up', async () => {
    await hit('f');
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`${prefix}:throttle:`))).toBe(true);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });

  it('refuses with 503 RATE_LIMIT_UNAVAILABLE when Redis cannot be reached, rather than allowing guesses', async () => {
    const down = createRedisClient('redis://127.0.0.1:6390', { connectTimeout: 200, retryStrategy: () => null });
    try {
      const unreachable = new RedisThrottlerStorage(down, prefix);
      await expect(unreachable.increment('g', MINUTE_MS, 3, MINUTE_MS, 'login')).rejects.toThrow(ServiceUnavailableError);
    } finally {
      down.disconnect();
    }
  });
});
