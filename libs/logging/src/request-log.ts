import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** A ?token= (the queue board's browser login) never reaches the logs. */
export function redactQueryToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[REDACTED]');
}

/** Server errors are errors, refusals warnings, the rest information. */
export const requestLogLevel = (statusCode: number): 'error' | 'warn' | 'info' =>
  statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';

/**
 * The one line a request leaves: its id (the x-request-id header and error bodies carry it too).
 * Flat fields, not `req`/`res`: pino-http's serializers on the logger claim those keys and expect
 * Node's request and response objects.
 */
export function requestLogLine(request: FastifyRequest, reply: FastifyReply) {
  return {
    reqId: request.id,
    method: request.method,
    url: redactQueryToken(request.url),
    statusCode: reply.statusCode,
    responseTime: Math.round(reply.elapsedTime),
  };
}

/**
 * Logs every request the api answers — Nest's routes, the queue board, a 404 — once it is
 * answered, from a Fastify hook. Not pino-http as Nest middleware (nestjs-pino's default): that
 * path ran each request through @fastify/middie and an AsyncLocalStorage scope, ~13% of the api's
 * CPU on an authenticated GET (bench/README.md, "http"). Logs written during a request name its
 * id themselves where it matters (the error filter does).
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = requestLogLevel(reply.statusCode);
    if (logger.isLevelEnabled(level)) logger[level](requestLogLine(request, reply), 'request completed');
    done();
  });
}
