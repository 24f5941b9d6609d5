import { AppConfig } from '@app/config';
import { Pipelines, REDIS } from '@app/queue';
import { World, WorldJobHost, type WorldStamp } from '@app/world';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { SettleChecks } from '../settle-checks.js';
import { CLOCK_QUEUE, ClockJob } from './clock-queue.js';
import { DueTaskRunner, type DueTasksRun } from './due-task-runner.js';

/** A settle carries the world whose clock was moved; the scheduled tick carries nothing. */
export type ClockJobData = Partial<WorldStamp>;

/**
 * Ticks and settles do the same thing: run every due task at the clock's current time. Started
 * at bootstrap, once every context has registered its due tasks (in onModuleInit): a settle
 * taken earlier would answer 'ready' without having run them.
 */
@Processor(CLOCK_QUEUE, { autorun: false })
export class ClockTickProcessor extends WorldJobHost<ClockJobData, DueTasksRun> {
  protected readonly logger = new Logger(ClockTickProcessor.name);

  constructor(
    private readonly dueTasks: DueTaskRunner,
    private readonly settleChecks: SettleChecks,
    private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
    pipelines: Pipelines,
    world: World,
  ) {
    super(redis, pipelines, world);
  }

  /**
   * A settle then waits, outside the world's lock (so a reset is never held up behind it), until
   * what the due tasks set going has run through the pipelines; a scheduled tick does not wait.
   */
  override async process(job: Job<ClockJobData>): Promise<DueTasksRun | undefined> {
    const result = await super.process(job);
    if (result && job.name === ClockJob.Settle && !(await this.settleChecks.waitUntilIdle(this.config.sandbox.settleTimeoutMs))) {
      throw new Error('The pipelines did not settle in time');
    }
    return result;
  }

  /** A settle runs only in the world whose clock was moved; a tick in whichever is current when it starts. */
  protected worldOf(job: Job<ClockJobData>): number | 'current' {
    return job.data.world ?? 'current';
  }

  protected processInWorld(_job: Job<ClockJobData>, manager: EntityManager): Promise<DueTasksRun> {
    return this.dueTasks.runDue(manager);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'clock worker error');
  }
}
