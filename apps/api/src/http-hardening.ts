import type { AppConfig } from '@app/config';
import { sendError } from '@app/errors';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * What every answer of the api carries (OWASP's secure headers): helmet's defaults, with a
 * Content-Security-Policy that the console and Swagger UI run under. Scripts, connections and
 * everything else come from the api itself only; the console needs nothing more (its assets are
 * files the api serves, its charts inline SVG). Swagger UI's page has inline <style> blocks, hence
 * 'unsafe-inline' for styles and styles only; images may be data: URIs (Swagger UI's icons, the
 * console's empty favicon).
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export async function hardenHttp(app: NestFastifyApplication, http: AppConfig['http']): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  // Off unless CORS_ORIGINS names origins: then only those, never a wildcard, and no cookies (the api uses bearer tokens).
  if (http.corsOrigins.length > 0) {
    await app.register(cors, { origin: http.corsOrigins, methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 });
  }
  answerSlowRequests(app, http.requestTimeoutMs);
}

/**
 * An answer that has not left after HTTP_REQUEST_TIMEOUT_MS (a database that stopped answering,
 * a lock held too long) leaves as 503 REQUEST_TIMEOUT in the contract's shape: a client never
 * hangs, whatever the route waits for. The route's own late answer is then dropped.
 */
function answerSlowRequests(app: NestFastifyApplication, timeoutMs: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const timers = new WeakMap<object, NodeJS.Timeout>();
  fastify.addHook('onRequest', async (request, reply) => {
    const timer = setTimeout(() => {
      if (reply.sent || request.raw.destroyed) return;
      sendError(request, reply, { statusCode: 503, message: `No answer within ${timeoutMs / 1000} s; try again`, code: 'REQUEST_TIMEOUT' });
    }, timeoutMs);
    timers.set(request, timer);
  });
  const clear = async (request: object) => clearTimeout(timers.get(request));
  fastify.addHook('onResponse', clear);
  fastify.addHook('onRequestAbort', clear);
}
