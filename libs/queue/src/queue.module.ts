import { AppConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { bullConnection, createRedisClient } from './redis.js';

export const REDIS = Symbol('REDIS');

/** The BullMQ root (one prefix per deployment or test file) and a shared fail-fast Redis client. */
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
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createRedisClient(config.redis.url),
    },
  ],
  exports: [REDIS, BullModule],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
