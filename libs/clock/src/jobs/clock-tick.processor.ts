import { BootstrappedWorkerHost, REDIS } from '@app/queue';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../clock.js';
import { DueTaskRegistry } from '../due-tasks.js';
import { CLOCK_QUEUE } from './clock-queue.js';

/**
 * Ticks and settles do the same thing: run every due task at the clock's current time. Started
 * at bootstrap, once every context has registered its due tasks (in onModuleInit): a settle
 * taken earlier would answer 'ready' without having run them.
 */
@Processor(CLOCK_QUEUE, { autorun: false })
export class ClockTickProcessor extends BootstrappedWorkerHost {
  protected readonly logger = new Logger(ClockTickProcessor.name);

  constructor(
    private readonly clock: Clock,
    private readonly dueTasks: DueTaskRegistry,
    @Inject(REDIS) redis: Redis,
  ) {
    super(redis);
  }

  async process(): Promise<{ now: string; ran: string[] }> {
    const now = await this.clock.now();
    const { ran, failed } = await this.dueTasks.runAll(now);
    // Failing the job makes a waiting settle answer 'pending' instead of claiming the work is done;
    // the next tick runs the failed tasks again (they are idempotent).
    if (failed.length > 0) throw new Error(`Due tasks failed: ${failed.join(', ')}`);
    return { now: now.toISOString(), ran };
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'clock worker error');
  }
}
