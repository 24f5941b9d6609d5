export { QueueModule, REDIS } from './queue.module.js';
export { bullConnection, createPubSubClient, createRedisClient } from './redis.js';
export { BootstrappedWorkerHost } from './bootstrapped-worker-host.js';
export { redisAnswers } from './redis-answers.js';
