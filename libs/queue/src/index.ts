export { QueueModule, REDIS } from './queue.module.js';
export { DEPLOYMENT_QUEUES, DeploymentQueuesModule } from './deployment-queues.module.js';
export { bullConnection, createPubSubClient, createRedisClient } from './redis.js';
export { BootstrappedWorkerHost } from './bootstrapped-worker-host.js';
export { Pipelines, type PipelineDrainer } from './pipelines.js';
export { redisAnswers } from './redis-answers.js';
export { withTimeout } from './with-timeout.js';
export { queueIdle } from './queue-idle.js';
export { unlinkMatching } from './unlink-matching.js';
