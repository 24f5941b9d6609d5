import { createHash } from 'node:crypto';
import { AppConfig } from '@app/config';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loginTracker } from '../domain/login-tracker.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';
import { LoginRateLimitedError } from '../identity.errors.js';

const THROTTLER_NAME = 'login';

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
    const windowMs = this.config.auth.loginRateWindowSeconds * 1000;
    const limit = this.config.auth.loginRateLimit;
    const record = await this.storage.increment(key, windowMs, limit, windowMs, THROTTLER_NAME);
    // The headers @nestjs/throttler sends, so a client can pace itself before it is refused.
    const reply = http.getResponse<FastifyReply>();
    void reply
      .header('x-ratelimit-limit', String(limit))
      .header('x-ratelimit-remaining', String(record.isBlocked ? 0 : Math.max(0, limit - record.totalHits)))
      .header('x-ratelimit-reset', String(record.isBlocked ? record.timeToBlockExpire : record.timeToExpire));
    if (!record.isBlocked) return true;
    const retryAfterSeconds = Math.max(1, record.timeToBlockExpire);
    void reply.header('retry-after', String(retryAfterSeconds));
    throw new LoginRateLimitedError(retryAfterSeconds);
  }
}
