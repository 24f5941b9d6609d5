import { AppConfig } from '@app/config';
import { AllExceptionsFilter, createValidationPipe, documentUnavailableAnswers, RejectNulCharactersPipe, routerErrorHandler } from '@app/errors';
import { logRequests, requestIdOf } from '@app/logging';
import { RedisIoAdapter } from '@app/notifications';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { hardenHttp } from './http-hardening.js';
import { CONSOLE_DIR, serveConsole } from './serve-console.js';

/**
 * Fastify options shared by main.ts and the e2e tests. `X-Forwarded-For` is believed only for the
 * configured number of proxy hops: trusting it blindly would let a client pick a new address on
 * every attempt and walk past the per-address login limit. A request body larger than
 * HTTP_BODY_LIMIT_BYTES is refused (413) before it is read; one still arriving after
 * HTTP_REQUEST_TIMEOUT_MS is cut off (a client sending slowly holds no connection for ever).
 */
export function createFastifyAdapter({ trustProxyHops, bodyLimitBytes, requestTimeoutMs }: AppConfig['http']): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: requestIdOf,
    bodyLimit: bodyLimitBytes,
    requestTimeout: requestTimeoutMs,
    trustProxy: (_address: string, hop: number) => hop < trustProxyHops,
    frameworkErrors: routerErrorHandler,
  });
}

/** Everything main.ts does to the app besides listening; e2e tests call the same function. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  await hardenHttp(app, app.get(AppConfig).http);
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
  app.useGlobalPipes(new RejectNulCharactersPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  app.useWebSocketAdapter(new RedisIoAdapter(app, app.get(AppConfig)));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  logRequests(fastify, PinoLogger.root);

  const document = documentUnavailableAnswers(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Porchlight')
      .setDescription(
        'Simulator of police footage requests to home-camera owners. Every privacy rule is a switchable policy.\n\n' +
          'Rate limits: sign-in (`POST /api/auth/login`: LOGIN_RATE_LIMIT attempts per client address and email within ' +
          'LOGIN_RATE_WINDOW_SECONDS) and, per user, feed posts and comments (FEED_POST_RATE_LIMIT and FEED_COMMENT_RATE_LIMIT ' +
          'within FEED_RATE_WINDOW_SECONDS); over a limit the answer is 429 with Retry-After, and the answers counted carry ' +
          'X-RateLimit-* headers. Other routes have no rate limit of their own: a public deployment puts one in front.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'The accessToken of POST /api/auth/login or /register. Handled as RFC8725 (JWT Best Current Practices) asks: ' +
          'HS256 only (the algorithm is pinned, never read from the token), a key of at least 256 bits, and an expiry ' +
          '(JWT_TTL_SECONDS) always checked. The account is loaded on every request, so a deleted one is refused and a changed role applies at once.',
      })
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Sandbox-Key',
          description: 'The deployment’s SANDBOX_KEY; the sandbox routes exist only when it is set.',
        },
        'sandbox',
      )
      .build(),
  ));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  if (!serveConsole(app)) app.get(Logger).warn(`No classroom console at / : ${CONSOLE_DIR} is not built (npm run build:console)`);
}
