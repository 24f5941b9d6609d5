import { AppConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Pipelines } from './pipelines.js';
import { bullConnection, createRedisClient, settleConnection } from './redis.js';

const CONNECT_GRACE_MS = 2000;

export const REDIS = Symbol('REDIS');

/**
 * The BullMQ root (one prefix per deployment or test file), a shared fail-fast Redis client, and
 * how this process runs the worker's pipelines (Pipelines).
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config.redis.url),
        prefix: config.redis.queuePrefix,
      }),
    }),
  ],
  providers: [
    Pipelines,
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = createRedisClient(config.redis.url);
        await settleConnection(redis, CONNECT_GRACE_MS);
        return redis;
      },
    },
  ],
  exports: [REDIS, BullModule, Pipelines],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
