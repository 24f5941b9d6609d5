import { WorkerHost } from '@nestjs/bullmq';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import type { Pipelines } from './pipelines.js';
import { redisAnswers } from './redis-answers.js';

/**
 * A BullMQ processor (declare it with `@Processor(name, { autorun: false })`) with the start and
 * stop order every processor here needs, named after its process (`host:pid`) on the jobs it takes:
 * - it starts taking jobs at bootstrap, after every module's onModuleInit, so handlers and due
 *   tasks registered there are in place before the first job; with inline pipelines nothing is
 *   queued, and it never starts;
 * - it closes before application shutdown, while the database and Redis clients still exist, so
 *   a running job can finish (@nestjs/bullmq would close it after them: STACK.md pitfall 6).
 *   BullMQ's graceful close never returns while Redis is unreachable, and no job could complete
 *   then anyway, so without Redis it closes at once; a job cut short is taken again later.
 */
export abstract class BootstrappedWorkerHost
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected abstract readonly logger: Logger;
  private started = false;

  protected constructor(
    private readonly redisProbe: Redis,
    private readonly pipelines: Pipelines,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.started = true;
    if (this.pipelines.inline) return;
    // Stored on every job it takes (BullMQ's processedBy): the queue board and an operator see which process ran what.
    this.worker.opts.name ??= `${hostname()}:${process.pid}`;
    this.worker.run().catch((error) => this.logger.error({ err: error }, 'worker stopped'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.worker.close(!(await redisAnswers(this.redisProbe)));
  }
}
