import { JwtAuthGuard, RolesGuard } from '@app/auth';
import { AppConfig } from '@app/config';
import { REDIS } from '@app/queue';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { AuthController } from './http/auth.controller.js';
import { UsersController } from './http/users.controller.js';
import { IdentityModule } from './identity.module.js';
import { LoginThrottleGuard } from './throttle/login-throttle.guard.js';
import { RedisThrottlerStorage } from './throttle/redis-throttler.storage.js';

/**
 * The identity routes and the api's global guards: every route needs a token unless
 * @Public(), then @Roles(...) is checked (APP_GUARDs run in the order listed).
 */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, UsersController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    {
      provide: RedisThrottlerStorage,
      inject: [REDIS, AppConfig],
      useFactory: (redis: Redis, config: AppConfig) => new RedisThrottlerStorage(redis, config.redis.queuePrefix),
    },
    LoginThrottleGuard,
  ],
})
export class IdentityHttpModule {}
