import { AppConfig } from '@app/config';
import { Pipelines } from '@app/queue';
import { WorldModule } from '@app/world';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CLOCK_QUEUE, CLOCK_TICK_SCHEDULER_ID, ClockJob } from './clock-queue.js';
import { ClockTickProcessor } from './clock-tick.processor.js';
import { DueTaskRunner } from './due-task-runner.js';

/**
 * Worker side of the clock: processes the `clock` queue and keeps one repeatable tick every
 * CLOCK_TICK_SECONDS (DueTaskRunner does a tick's work, also for a process that ticks itself).
 * The scheduler lives in Redis, so several workers share one schedule (upserting it is
 * idempotent) and it is deliberately left in place when a worker stops.
 */
@Module({
  imports: [BullModule.registerQueue({ name: CLOCK_QUEUE }), WorldModule],
  providers: [ClockTickProcessor, DueTaskRunner],
  exports: [DueTaskRunner],
})
export class ClockTickModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClockTickModule.name);

  constructor(
    @InjectQueue(CLOCK_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly pipelines: Pipelines,
  ) {
    this.queue.on('error', (error) => this.logger.warn({ err: error }, 'clock queue connection error'));
  }

  /**
   * Not awaited: while Redis is away the worker still starts, and the upsert waits for Redis.
   * With inline pipelines nothing is scheduled: the process ticks when it chooses (DueTaskRunner.tick).
   */
  onApplicationBootstrap(): void {
    if (this.pipelines.inline) return;
    this.queue
      .upsertJobScheduler(
        CLOCK_TICK_SCHEDULER_ID,
        { every: this.config.sandbox.tickSeconds * 1000 },
        { name: ClockJob.Tick, opts: { removeOnComplete: true, removeOnFail: 100 } },
      )
      .catch((error) => this.logger.warn({ err: error }, 'clock tick not scheduled'));
  }
}
