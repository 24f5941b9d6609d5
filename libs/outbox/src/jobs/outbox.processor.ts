import { Clock } from '@app/clock';
import { Pipelines, REDIS } from '@app/queue';
import { World, WorldJobHost } from '@app/world';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { OUTBOX_QUEUE, type OutboxJobData } from '../outbox-event.js';
import { OutboxDispatcher } from '../outbox-dispatcher.js';

/**
 * Started at bootstrap, not at module init, so that every consumer has registered its handlers
 * (in onModuleInit) before the first job is taken: a job taken earlier would complete unhandled.
 */
@Processor(OUTBOX_QUEUE, { autorun: false, concurrency: 4 })
export class OutboxProcessor extends WorldJobHost<OutboxJobData, void> {
  protected readonly logger = new Logger(OutboxProcessor.name);

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    @Inject(REDIS) redis: Redis,
    pipelines: Pipelines,
    world: World,
  ) {
    super(redis, pipelines, world);
  }

  protected worldOf(job: Job<OutboxJobData>): number {
    return job.data.world;
  }

  protected async processInWorld(job: Job<OutboxJobData>, manager: EntityManager): Promise<void> {
    const { eventId, type, payload, world, occurredAt } = job.data;
    // A job queued before events recorded their time is dated when it runs.
    const at = occurredAt === undefined ? await this.clock.now(manager) : new Date(occurredAt);
    await this.dispatcher.dispatch({ id: eventId, type, payload, world, occurredAt: at }, manager);
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
