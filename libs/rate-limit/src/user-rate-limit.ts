import type { AuthUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { applyDecorators, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { ApiRateLimited, rateLimitHeaders, withHeaders } from './rate-limit-docs.js';
import { UserRateLimitedError } from './rate-limit.errors.js';
import { countAttempt, type Limit } from './rate-limiter.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

const USER_RATE_LIMIT = 'rate-limit:user';

interface UserLimitSpec {
  /** Names the counter (and the attempts in the 429's message): 'posts', 'comments'. */
  action: string;
  limitOf: (config: AppConfig) => Limit;
}

/**
 * Limits what one signed-in user may do per window (posting, commenting), in Redis so every api
 * process shares the count. Runs after the global auth guards, before the body is validated: every
 * attempt counts.
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<UserLimitSpec>(USER_RATE_LIMIT, context.getHandler());
    const http = context.switchToHttp();
    const user = http.getRequest<{ user: AuthUser }>().user;
    const retryAfter = await countAttempt(this.storage, http.getResponse<FastifyReply>(), spec.action, user.id, spec.limitOf(this.config));
    if (retryAfter !== null) throw new UserRateLimitedError(spec.action, retryAfter);
    return true;
  }
}

/**
 * The limit on a route and its documentation in one place: `created` is the status of a counted
 * success, which carries the X-RateLimit-* headers; a 400 has them only when the request got as far
 * as the count (a URL or body refused before it has none); over the limit is a 429.
 */
export const UserRateLimit = (action: string, limitOf: UserLimitSpec['limitOf'], setting: string, created = 201): MethodDecorator => {
  const limitIs = `${action[0]!.toUpperCase()}${action.slice(1)} allowed per user in a window (${setting})`;
  return applyDecorators(
    SetMetadata(USER_RATE_LIMIT, { action, limitOf } satisfies UserLimitSpec),
    UseGuards(UserRateLimitGuard),
    withHeaders(created, rateLimitHeaders(true, limitIs)),
    withHeaders(400, rateLimitHeaders(false, limitIs)),
    ApiRateLimited(`too many ${action} by this user in the window`, limitIs),
  );
};
