import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '@app/config';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * The request id a client sent in `x-request-id` (when it looks sane) or a new UUID. Fastify and
 * pino both call this, so the id in the log line, in error bodies and in the response header is
 * the same one.
 */
export function requestIdOf(request: IncomingMessage & { id?: unknown }): string {
  if (typeof request.id === 'string') return request.id;
  const sent = request.headers['x-request-id'];
  const id = typeof sent === 'string' && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
  request.id = id;
  return id;
}

/** A `?token=` (the queue board's browser login) never reaches the logs. */
export function redactQueryToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[REDACTED]');
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // nestjs-pino's default route pattern matches nothing on platform-fastify 12.
        forRoutes: [{ path: '*splat', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.log.level,
          genReqId: requestIdOf,
          redact: ['req.headers.authorization', 'req.headers["x-sandbox-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          customLogLevel: (_req, res, err) =>
            err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: redactQueryToken(req.url),
            }),
          },
          transport: config.log.pretty
            ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
            : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
