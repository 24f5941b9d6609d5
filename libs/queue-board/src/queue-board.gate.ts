import { bearerToken, RequestAuthenticator } from '@app/auth';
import { errorBody, mapError } from '@app/errors';
import { REDIS, redisAnswers } from '@app/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { BOARD_COOKIE, QUEUE_BOARD_PATH, boardCookie, clearedBoardCookie, cookieValue, secondsLeft } from './board-cookie.js';
import { BoardAdminOnlyError, BoardTokenRequiredError, QueuesUnavailableError } from './queue-board.errors.js';

const BOARD_API = `${QUEUE_BOARD_PATH}/api/`;

/**
 * Admits admins only to everything under the board's path (pages, assets, JSON API, unknown
 * paths). The board is a Fastify plugin, outside Nest's guards and exception filter, so this
 * hook authenticates with the same RequestAuthenticator as the JWT guard (a deleted account
 * or a changed role is refused at once) and answers refusals in the contract's error shape.
 *
 * Credentials, first match wins: `?token=` on a GET (a browser's first visit: an admin's token
 * becomes a cookie and the URL is reloaded without it, so the token leaves the address bar and
 * history; the request log redacts it), then `Authorization: Bearer`, then the cookie.
 */
@Injectable()
export class QueueBoardGate {
  private readonly logger = new Logger(QueueBoardGate.name);

  constructor(
    private readonly authenticator: RequestAuthenticator,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async admit(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    // The raw path, not a normalised one: routing put it below the board, so the redirect stays there.
    const at = request.url.indexOf('?');
    const path = at < 0 ? request.url : request.url.slice(0, at);
    const query = new URLSearchParams(at < 0 ? '' : request.url.slice(at + 1));
    const secure = request.protocol === 'https';
    const queryToken = request.method === 'GET' ? query.get('token') : null;
    if (queryToken !== null) {
      const refused = await this.refusal(queryToken);
      if (refused) return this.refuse(request, reply, refused);
      query.delete('token');
      return reply
        .code(303)
        .header('set-cookie', boardCookie(queryToken, secondsLeft(queryToken, Date.now()), secure))
        .header('location', query.size > 0 ? `${path}?${query}` : path)
        .header('cache-control', 'no-store')
        .send();
    }

    const fromHeader = bearerToken(request.headers.authorization);
    const token = fromHeader ?? cookieValue(request.headers.cookie, BOARD_COOKIE);
    const refused = await this.refusal(token);
    if (refused) {
      if (!fromHeader && token) void reply.header('set-cookie', clearedBoardCookie(secure));
      return this.refuse(request, reply, refused);
    }
    if (path.startsWith(BOARD_API) && !(await redisAnswers(this.redis))) {
      return this.refuse(request, reply, new QueuesUnavailableError());
    }
    return undefined;
  }

  private async refusal(token: string | undefined): Promise<unknown> {
    if (!token) {
      return new BoardTokenRequiredError(QUEUE_BOARD_PATH);
    }
    try {
      const user = await this.authenticator.authenticate(token);
      return user.role === 'admin' ? undefined : new BoardAdminOnlyError();
    } catch (error) {
      return error;
    }
  }

  private refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
    const mapped = mapError(error);
    if (mapped.unexpected) this.logger.error({ err: error, requestId: request.id }, 'unexpected error');
    return reply
      .code(mapped.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(errorBody(mapped.statusCode, mapped.message, String(request.id), mapped.code, mapped.details));
  }
}
