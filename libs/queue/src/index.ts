export { QueueModule, REDIS } from './queue.module.js';
export { bullConnection, createRedisClient } from './redis.js';
