import { ApiRateLimited, rateLimitHeaders, withHeaders } from '@app/rate-limit';
import { applyDecorators, UseGuards } from '@nestjs/common';
import { LoginThrottleGuard } from './login-throttle.guard.js';

const LIMIT_IS = 'Attempts allowed per client address and email in a window (LOGIN_RATE_LIMIT)';

/**
 * The login limit and its documentation in one place, so the two cannot disagree: every answer
 * the limit counted carries the X-RateLimit-* headers, and an attempt over the limit is a 429
 * with Retry-After. A 400 has them only when the body could be read (a malformed body is refused
 * before the limit is counted).
 */
export const LoginRateLimit = (): MethodDecorator =>
  applyDecorators(
    UseGuards(LoginThrottleGuard),
    withHeaders(200, rateLimitHeaders(true, LIMIT_IS)),
    withHeaders(400, rateLimitHeaders(false, LIMIT_IS)),
    withHeaders(401, rateLimitHeaders(true, LIMIT_IS)),
    ApiRateLimited('too many attempts for this email from this address', LIMIT_IS),
  );
