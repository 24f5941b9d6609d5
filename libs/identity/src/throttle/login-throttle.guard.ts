import { createHash } from 'node:crypto';
import { AppConfig } from '@app/config';
import { countAttempt, RedisThrottlerStorage } from '@app/rate-limit';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loginTracker } from '../domain/login-tracker.js';
import { LoginRateLimitedError } from '../identity.errors.js';

/**
 * Limits login attempts per client address + email, on @nestjs/throttler's storage contract.
 * A small guard instead of ThrottlerGuard: under jest the package only loads as an esbuild
 * bundle that cannot require its externals (`net`, @nestjs/*), and one route needs no more.
 * It runs before the body is validated, so the tracker reads the raw body defensively.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    // Hashed so that no email appears in Redis key names.
    const key = createHash('sha256').update(loginTracker(request.ip, request.body)).digest('hex');
    const retryAfter = await countAttempt(this.storage, http.getResponse<FastifyReply>(), 'login', key, {
      limit: this.config.auth.loginRateLimit,
      windowSeconds: this.config.auth.loginRateWindowSeconds,
    });
    if (retryAfter !== null) throw new LoginRateLimitedError(retryAfter);
    return true;
  }
}
