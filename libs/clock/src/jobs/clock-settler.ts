import { AppConfig } from '@app/config';
import { REDIS, bullConnection, redisAnswers } from '@app/queue';
import { World } from '@app/world';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { CLOCK_QUEUE, ClockJob } from './clock-queue.js';
import type { ClockJobData } from './clock-tick.processor.js';

/** 'ready': every due task ran at (or after) the new time; 'pending': not known to have run yet. */
export type SettleStatus = 'ready' | 'pending';

// A finished settle job must still be findable by waitUntilFinished when it finished before the
// waiter started listening, so it is kept for a while instead of being removed at once.
const KEEP_FINISHED = { age: 3600, count: 1000 };

/**
 * Api side of the clock: after the sandbox moves time, runs the due tasks through the worker
 * and waits for them, so a caller never has to poll (like Stripe's test clocks).
 */
@Injectable()
export class ClockSettler implements OnApplicationShutdown {
  private readonly logger = new Logger(ClockSettler.name);
  // Opened on the first settle that finds Redis answering: BullMQ cannot close a connection that
  // never opened, so an api started while Redis is away could otherwise never shut down.
  private connections: { queue: Queue<ClockJobData>; events: QueueEvents } | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly world: World,
  ) {}

  /** 'pending' when no worker finishes the job in time (none running, Redis away, a task failed). */
  async settle(): Promise<SettleStatus> {
    const timeoutMs = this.config.sandbox.settleTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    // The deadline covers adding the job too: BullMQ's connection waits for Redis indefinitely.
    const deadline = new Promise<SettleStatus>((resolve) => {
      timer = setTimeout(() => resolve('pending'), timeoutMs);
    });
    try {
      return await Promise.race([this.runAndWait(timeoutMs), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async runAndWait(timeoutMs: number): Promise<SettleStatus> {
    // Without Redis no worker can run the job.
    if (!(await redisAnswers(this.redis))) return 'pending';
    try {
      const { queue, events } = this.open();
      const data = { world: await this.world.generation() };
      const job = await queue.add(ClockJob.Settle, data, { removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED });
      await job.waitUntilFinished(events, timeoutMs);
      return 'ready';
    } catch (error) {
      this.logger.warn({ err: error }, 'clock settle did not finish');
      return 'pending';
    }
  }

  private open(): { queue: Queue<ClockJobData>; events: QueueEvents } {
    if (!this.connections) {
      const options = { connection: bullConnection(this.config.redis.url), prefix: this.config.redis.queuePrefix };
      const onError = (error: Error) => this.logger.warn({ err: error }, 'clock queue connection error');
      this.connections = {
        queue: new Queue<ClockJobData>(CLOCK_QUEUE, options).on('error', onError),
        events: new QueueEvents(CLOCK_QUEUE, options).on('error', onError),
      };
    }
    return this.connections;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.connections?.events.close(), this.connections?.queue.close()]);
  }
}
