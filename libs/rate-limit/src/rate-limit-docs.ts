import { ErrorBody, INT32_MAX } from '@app/errors';
import { applyDecorators } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTooManyRequestsResponse, DECORATORS, type ApiResponseOptions } from '@nestjs/swagger';

type Headers = NonNullable<ApiResponseOptions['headers']>;

const COUNT = { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX } as const;

/** The X-RateLimit-* headers every answer a limit counted carries; `limitIs` says what is counted and where it is set. */
export const rateLimitHeaders = (required: boolean, limitIs: string): Headers => ({
  'X-RateLimit-Limit': { required, description: limitIs, schema: COUNT },
  'X-RateLimit-Remaining': { required, description: 'Attempts left in the current window', schema: COUNT },
  'X-RateLimit-Reset': { required, description: 'Seconds until the window starts over, or the block ends', schema: COUNT },
});

/**
 * Adds headers to a status the route documents elsewhere (its schema and description stay as they
 * are, whichever decorator runs first).
 */
export const withHeaders =
  (status: number, headers: Headers): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const responses: Record<string, ApiResponseOptions> = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {};
    const entry = responses[status] ?? { description: '' };
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, { ...responses, [status]: { ...entry, headers: { ...entry.headers, ...headers } } }, handler);
  };

/** The 429 (with Retry-After) and the 503 of a limited route. */
export const ApiRateLimited = (tooMany: string, limitIs: string): MethodDecorator =>
  applyDecorators(
    ApiTooManyRequestsResponse({
      type: ErrorBody,
      description: `RATE_LIMITED: ${tooMany}; details.retryAfterSeconds`,
      headers: {
        'Retry-After': { required: true, description: 'Seconds until the next attempt is counted', schema: { ...COUNT, minimum: 1 } },
        ...rateLimitHeaders(true, limitIs),
      },
    }),
    ApiServiceUnavailableResponse({ type: ErrorBody, description: 'RATE_LIMIT_UNAVAILABLE: Redis is unreachable, so no attempt is let through' }),
  );
