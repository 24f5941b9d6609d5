// Deletes the Redis keys matching a pattern (SCAN + UNLINK, never KEYS): the test run's queues,
// schedulers and rate-limit counters.
import { loadConfig } from '@app/config';
import { Redis } from 'ioredis';

const pattern = process.argv[2];
if (!pattern?.startsWith('test-')) throw new Error('refusing to clear keys outside test-*');
const redis = new Redis(loadConfig().redis.url, { maxRetriesPerRequest: 1 });
try {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
} finally {
  redis.disconnect();
}
