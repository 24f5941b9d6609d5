import { ErrorBody, INT32_MAX } from '@app/errors';
import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTooManyRequestsResponse, DECORATORS, type ApiResponseOptions } from '@nestjs/swagger';
import { LoginThrottleGuard } from './login-throttle.guard.js';

type Headers = NonNullable<ApiResponseOptions['headers']>;

const COUNT = { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX } as const;

const rateLimitHeaders = (required: boolean): Headers => ({
  'X-RateLimit-Limit': { required, description: 'Attempts allowed per client address and email in a window (LOGIN_RATE_LIMIT)', schema: COUNT },
  'X-RateLimit-Remaining': { required, description: 'Attempts left in the current window', schema: COUNT },
  'X-RateLimit-Reset': { required, description: 'Seconds until the window starts over, or the block ends', schema: COUNT },
});

/**
 * Adds the rate-limit headers to a status the route documents elsewhere (its schema and
 * description stay as they are, whichever decorator runs first).
 */
const withHeaders =
  (status: number, headers: Headers): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const responses: Record<string, ApiResponseOptions> = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {};
    const entry = responses[status] ?? { description: '' };
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, { ...responses, [status]: { ...entry, headers: { ...entry.headers, ...headers } } }, handler);
  };

/**
 * The login limit and its documentation in one place, so the two cannot disagree: every answer
 * the limit counted carries the X-RateLimit-* headers, and an attempt over the limit is a 429
 * with Retry-After. A 400 has them only when the body could be read (a malformed body is refused
 * before the limit is counted).
 */
export const LoginRateLimit = (): MethodDecorator =>
  applyDecorators(
    UseGuards(LoginThrottleGuard),
    withHeaders(200, rateLimitHeaders(true)),
    withHeaders(400, rateLimitHeaders(false)),
    withHeaders(401, rateLimitHeaders(true)),
    ApiTooManyRequestsResponse({
      type: ErrorBody,
      description: 'RATE_LIMITED: too many attempts for this email from this address; details.retryAfterSeconds',
      headers: {
        'Retry-After': { required: true, description: 'Seconds until the next attempt is counted', schema: { ...COUNT, minimum: 1 } },
        ...rateLimitHeaders(true),
      },
    }),
    ApiServiceUnavailableResponse({ type: ErrorBody, description: 'RATE_LIMIT_UNAVAILABLE: Redis is unreachable, so no attempt is let through' }),
  );
