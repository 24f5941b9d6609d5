import type { Redis } from 'ioredis';

const PROBE_MS = 1000;

/**
 * Whether Redis answers a PING now. Meant for the fail-fast client (REDIS), which rejects at
 * once while Redis is away; the timeout covers a connection that hangs.
 */
export async function redisAnswers(redis: Redis): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_MS);
  });
  try {
    return await Promise.race([redis.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
