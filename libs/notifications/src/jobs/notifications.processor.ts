import { AppConfig } from '@app/config';
import { Pipelines, REDIS } from '@app/queue';
import { World, WorldJobHost } from '@app/world';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { FanOutService } from '../fan-out.service.js';
import { NOTIFICATIONS_QUEUE, type FanOutJobData } from './fan-out.js';

/** Runs fan-out batches, NOTIFICATION_CONCURRENCY at a time. */
@Processor(NOTIFICATIONS_QUEUE, { autorun: false })
export class NotificationsProcessor extends WorldJobHost<FanOutJobData, number> {
  protected readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly fanOut: FanOutService,
    private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
    pipelines: Pipelines,
    world: World,
  ) {
    super(redis, pipelines, world);
  }

  override onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.notifications.concurrency;
    super.onApplicationBootstrap();
  }

  protected worldOf(job: Job<FanOutJobData>): number {
    return job.data.world;
  }

  protected processInWorld(job: Job<FanOutJobData>, manager: EntityManager): Promise<number> {
    return this.fanOut.runBatch(job.data, manager);
  }

  /** A job out of attempts stays in the failed set (the dead letters, shown at /admin/queues). */
  @OnWorkerEvent('failed')
  onFailed(job: Job<FanOutJobData> | undefined, error: Error): void {
    const final = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger[final ? 'error' : 'warn']({ err: error, jobId: job?.id, attempt: job?.attemptsMade }, final ? 'notification batch dead-lettered' : 'notification batch failed; will retry');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'notifications worker error');
  }
}
