import { AppConfig } from '@app/config';
import { BootstrappedWorkerHost, REDIS } from '@app/queue';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { FanOutService } from '../fan-out.service.js';
import { NOTIFICATIONS_QUEUE, type FanOutJobData } from './fan-out.js';

/** Runs fan-out batches, NOTIFICATION_CONCURRENCY at a time. */
@Processor(NOTIFICATIONS_QUEUE, { autorun: false })
export class NotificationsProcessor extends BootstrappedWorkerHost {
  protected readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly fanOut: FanOutService,
    private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    super(redis);
  }

  override onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.notifications.concurrency;
    super.onApplicationBootstrap();
  }

  async process(job: Job<FanOutJobData>): Promise<number> {
    return this.fanOut.runBatch(job.data);
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
