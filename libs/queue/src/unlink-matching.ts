import type { Redis } from 'ioredis';

/** Deletes the keys matching `pattern` (SCAN + UNLINK, never KEYS): a finished run's queues, schedulers and counters. */
export async function unlinkMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
