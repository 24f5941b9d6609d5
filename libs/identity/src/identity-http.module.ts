import { JwtAuthGuard, RolesGuard } from '@app/auth';
import { RateLimitModule } from '@app/rate-limit';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './http/auth.controller.js';
import { UsersController } from './http/users.controller.js';
import { IdentityModule } from './identity.module.js';
import { LoginThrottleGuard } from './throttle/login-throttle.guard.js';

/**
 * The identity routes and the api's global guards: every route needs a token unless
 * @Public(), then @Roles(...) is checked (APP_GUARDs run in the order listed).
 */
@Module({
  imports: [IdentityModule, RateLimitModule],
  controllers: [AuthController, UsersController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    LoginThrottleGuard,
  ],
})
export class IdentityHttpModule {}
