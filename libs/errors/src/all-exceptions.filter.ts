import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-body.js';
import { mapError, mapRouterError, type MappedError } from './error-mapping.js';

/**
 * Sends `mapped` in the contract's shape: the one way an error leaves the api, whoever answers
 * it (the filter, the router, the request timeout).
 */
export function sendError(request: FastifyRequest, reply: FastifyReply, mapped: Omit<MappedError, 'unexpected'>): void {
  // A service that did not answer may well answer in a few seconds.
  if (mapped.statusCode === 503 && !reply.hasHeader('retry-after')) void reply.header('retry-after', '5');
  void reply
    .status(mapped.statusCode)
    .header('x-request-id', request.id)
    .header('content-type', 'application/json; charset=utf-8')
    .send(errorBody(mapped.statusCode, mapped.message, String(request.id), mapped.code, mapped.details));
}

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
    sendError(request, reply, mapped);
  }
}

/**
 * Fastify's `frameworkErrors`: the router answers a malformed URL (400) or an over-long path
 * parameter (414) before any hook or Nest filter runs, so this gives those answers the contract's
 * shape and the request id header that every other answer gets.
 */
export function routerErrorHandler(error: { code?: string; statusCode?: number; message: string }, request: FastifyRequest, reply: FastifyReply): void {
  sendError(request, reply, mapRouterError(error));
}
