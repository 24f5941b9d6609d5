import { AppConfig } from '@app/config';
import { REDIS } from '@app/queue';
import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';
import { UserRateLimitGuard } from './user-rate-limit.js';

/** The counters every api process shares, and the per-user guard; import it where a route is limited. */
@Module({
  providers: [
    {
      provide: RedisThrottlerStorage,
      inject: [REDIS, AppConfig],
      useFactory: (redis: Redis, config: AppConfig) => new RedisThrottlerStorage(redis, config.redis.queuePrefix),
    },
    UserRateLimitGuard,
  ],
  exports: [RedisThrottlerStorage, UserRateLimitGuard],
})
export class RateLimitModule {}
