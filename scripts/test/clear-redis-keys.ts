// Deletes the Redis keys matching a pattern: the test run's queues, schedulers and rate-limit counters.
import { loadConfig } from '@app/config';
import { unlinkMatching } from '@app/queue';
import { Redis } from 'ioredis';

const pattern = process.argv[2];
if (!pattern?.startsWith('test-')) throw new Error('refusing to clear keys outside test-*');
const redis = new Redis(loadConfig().redis.url, { maxRetriesPerRequest: 1 });
try {
  await unlinkMatching(redis, pattern);
} finally {
  redis.disconnect();
}
