import { REDIS } from '@app/queue';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { OUTBOX_QUEUE, type OutboxJobData } from '../outbox-event.js';
import { OutboxDispatcher } from '../outbox-dispatcher.js';
import { withTimeout } from '../with-timeout.js';

/** How long shutdown waits for Redis to answer before treating it as unreachable. */
const REDIS_PROBE_MS = 1000;

/**
 * Started at bootstrap, not at module init, so that every consumer has registered its handlers
 * (in onModuleInit) before the first job is taken: a job taken earlier would complete unhandled.
 */
@Processor(OUTBOX_QUEUE, { autorun: false, concurrency: 4 })
export class OutboxProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxProcessor.name);
  private started = false;

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.worker.run().catch((error) => this.logger.error({ err: error }, 'outbox worker stopped'));
  }

  /**
   * @nestjs/bullmq closes workers only after other modules' Redis and database clients are gone,
   * so an in-flight handler could fail mid-way on shutdown (STACK.md pitfall 6): close it first,
   * letting running jobs finish. A graceful close never returns while Redis is unreachable, and
   * no job could be completed then anyway, so without Redis the worker is closed at once (a job
   * cut short is redelivered, and processed_event keeps that a no-op).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    // The shared fail-fast client rejects at once while Redis is away; the timeout covers a hung one.
    const redisAnswers = await withTimeout(this.redis.ping(), REDIS_PROBE_MS, 'Redis').then(
      () => true,
      () => false,
    );
    await this.worker.close(!redisAnswers);
  }

  async process(job: Job<OutboxJobData>): Promise<void> {
    const { eventId, type, payload } = job.data;
    await this.dispatcher.dispatch({ id: eventId, type, payload });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<OutboxJobData> | undefined, error: Error): void {
    this.logger.warn({ err: error, eventId: job?.data.eventId, attempt: job?.attemptsMade }, 'outbox job failed');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'outbox worker error');
  }
}
