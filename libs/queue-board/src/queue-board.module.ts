import { AppConfig } from '@app/config';
import { errorBody } from '@app/errors';
import { DEPLOYMENT_QUEUES } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { QUEUE_BOARD_PATH } from './board-cookie.js';
import { QueueBoardGate } from './queue-board.gate.js';

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
