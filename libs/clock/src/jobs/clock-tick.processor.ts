import { REDIS } from '@app/queue';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../clock.js';
import { DueTaskRegistry } from '../due-tasks.js';
import { CLOCK_QUEUE } from './clock-queue.js';
import { redisAnswers } from './redis-answers.js';

/**
 * Ticks and settles do the same thing: run every due task at the clock's current time. Started
 * at bootstrap, once every context has registered its due tasks (in onModuleInit): a settle
 * taken earlier would answer 'ready' without having run them.
 */
@Processor(CLOCK_QUEUE, { autorun: false })
export class ClockTickProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ClockTickProcessor.name);
  private started = false;

  constructor(
    private readonly clock: Clock,
    private readonly dueTasks: DueTaskRegistry,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.worker.run().catch((error) => this.logger.error({ err: error }, 'clock worker stopped'));
  }

  async process(): Promise<{ now: string; ran: string[] }> {
    const now = await this.clock.now();
    const { ran, failed } = await this.dueTasks.runAll(now);
    // Failing the job makes a waiting settle answer 'pending' instead of claiming the work is done;
    // the next tick runs the failed tasks again (they are idempotent).
    if (failed.length > 0) throw new Error(`Due tasks failed: ${failed.join(', ')}`);
    return { now: now.toISOString(), ran };
  }

  /**
   * Closed here, before the database and Redis clients go, so a running tick can finish
   * (STACK.md pitfall 6). BullMQ's graceful close never returns while Redis is unreachable, and
   * no job could complete then anyway, so without Redis the worker is closed at once.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.worker.close(!(await redisAnswers(this.redis)));
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'clock worker error');
  }
}
