import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * The request id a client sent in `x-request-id` (when it looks sane) or a new UUID. Fastify
 * calls this, so the id in the log line, in error bodies and in the response header is the same.
 */
export function requestIdOf(request: IncomingMessage & { id?: unknown }): string {
  if (typeof request.id === 'string') return request.id;
  const sent = request.headers['x-request-id'];
  const id = typeof sent === 'string' && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
  request.id = id;
  return id;
}

/**
 * Nest's logger (app.useLogger) writes through pino, configured here. Requests are logged by a
 * Fastify hook (request-log.ts, installed by the api), so nestjs-pino mounts no middleware.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [],
        pinoHttp: {
          level: config.log.level,
          redact: ['req.headers.authorization', 'req.headers["x-sandbox-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          transport: config.log.pretty
            ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
            : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
