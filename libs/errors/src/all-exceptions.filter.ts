import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-body.js';
import { mapError, mapRouterError } from './error-mapping.js';

/** The api's single exception filter: every error leaves in the contract's shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(error);
    if (mapped.unexpected) {
      this.logger.error({ err: error, requestId: request.id }, 'unexpected error');
    }
    // A service that did not answer may well answer in a few seconds.
    if (mapped.statusCode === 503 && !reply.hasHeader('retry-after')) void reply.header('retry-after', '5');
    void reply
      .status(mapped.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(errorBody(mapped.statusCode, mapped.message, String(request.id), mapped.code, mapped.details));
  }
}

/**
 * Fastify's `frameworkErrors`: the router answers a malformed URL (400) or an over-long path
 * parameter (414) before any hook or Nest filter runs, so this gives those answers the contract's
 * shape and the request id header that every other answer gets.
 */
export function routerErrorHandler(error: { code?: string; statusCode?: number; message: string }, request: FastifyRequest, reply: FastifyReply): void {
  const mapped = mapRouterError(error);
  void reply
    .status(mapped.statusCode)
    .header('x-request-id', request.id)
    .header('content-type', 'application/json; charset=utf-8')
    .send(errorBody(mapped.statusCode, mapped.message, String(request.id), mapped.code));
}
