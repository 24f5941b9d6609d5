import { AppConfig } from '@app/config';
import { errorBody } from '@app/errors';
import { redactQueryToken } from '@app/logging';
import { DEPLOYMENT_QUEUES } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QUEUE_BOARD_PATH } from './board-cookie.js';
import { QueueBoardGate } from './queue-board.gate.js';

const logger = new Logger('QueueBoard');

/**
 * The request log line pino-http writes for Nest's routes, which its middleware does not reach
 * inside a Fastify plugin: who opened or changed the dead letters is worth a line too.
 */
async function logRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const line = {
    req: { id: request.id, method: request.method, url: redactQueryToken(request.url) },
    res: reply.raw,
    responseTime: Math.round(reply.elapsedTime),
  };
  if (reply.statusCode >= 500) logger.error(line, 'request completed');
  else if (reply.statusCode >= 400) logger.warn(line, 'request completed');
  else logger.log(line, 'request completed');
}

/** Mounts Bull Board on the api's Fastify instance, behind QueueBoardGate. */
@Injectable()
class QueueBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly gate: QueueBoardGate,
    private readonly config: AppConfig,
    @Inject(DEPLOYMENT_QUEUES) private readonly queues: Queue[],
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;

    const board = new FastifyAdapter().setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: this.queues.map(
        (queue) => new BullMQAdapter(queue, { description: `Redis keys ${this.config.redis.queuePrefix}:${queue.name}:*` }),
      ),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Porchlight queues' } },
    });
    void fastify.register(
      async (scope) => {
        scope.addHook('onResponse', logRequest);
        scope.addHook('onRequest', (request, reply) => this.gate.admit(request, reply));
        scope.addHook('onSend', async (_request, reply, payload) =>
          typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html') ? withoutRemoteFonts(payload) : payload,
        );
        // Here rather than Nest's 404, so that unknown paths below the board are gated too.
        scope.setNotFoundHandler((request, reply) =>
          reply
            .code(404)
            .send(errorBody(404, `Cannot ${request.method} ${request.url.split('?')[0]}`, String(request.id), 'NOT_FOUND')),
        );
        await scope.register(board.registerPlugin());
      },
      { prefix: QUEUE_BOARD_PATH },
    );
  }
}

/**
 * Bull Board's page loads its fonts from Google: every admin visit would tell a third party who
 * looks, and a classroom without internet would wait on it. The page falls back to system fonts.
 */
const withoutRemoteFonts = (html: string): string => html.replace(/<link\b[^>]*fonts\.googleapis\.com[^>]*>\s*/g, '');

/**
 * Bull Board at /admin/queues for admins: job counts, failed jobs (the dead letters) to inspect,
 * retry or clean — every queue of the deployment (DeploymentQueuesModule).
 */
@Module({ providers: [QueueBoardGate, QueueBoardMount] })
export class QueueBoardModule {}
