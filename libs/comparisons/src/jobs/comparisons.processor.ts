import type { ProfileName } from '@app/policy';
import { BootstrappedWorkerHost, Pipelines, REDIS } from '@app/queue';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ComparisonsRepository } from '../comparisons.repository.js';
import { ComparisonRunner } from '../simulator.ports.js';
import { COMPARISONS_QUEUE, type ComparisonJobData } from './comparisons-queue.js';

/** How often a running comparison writes its progress: often enough for a progress bar, no more. */
const PROGRESS_WRITE_MS = 500;

/**
 * Runs one comparison at a time (its runs already use SIMULATOR_JOBS processes). A worker that
 * stops mid-run cuts its runs short and hands the job back (a retry), and one killed outright
 * leaves a stalled job that BullMQ hands to a worker again: either way it starts over, losing
 * nothing but time (runs are deterministic, and each run's database is disposable). A run that
 * fails on its own fails the comparison at once, without retries: it would fail again.
 */
@Processor(COMPARISONS_QUEUE, { autorun: false })
export class ComparisonsProcessor extends BootstrappedWorkerHost {
  protected readonly logger = new Logger(ComparisonsProcessor.name);

  private readonly stopping = new AbortController();

  constructor(
    private readonly comparisons: ComparisonsRepository,
    private readonly runner: ComparisonRunner,
    @Inject(REDIS) redis: Redis,
    pipelines: Pipelines,
  ) {
    super(redis, pipelines);
  }

  async process(job: Job<ComparisonJobData>): Promise<void> {
    const comparison = await this.comparisons.findById(job.data.comparisonId);
    if (comparison === null || comparison.status === 'done' || comparison.status === 'failed') return;
    await this.comparisons.markRunning(comparison.id);
    const daysDone: Partial<Record<ProfileName, number>> = Object.fromEntries(comparison.policies.map((policy) => [policy, 0]));
    let written = Promise.resolve();
    let lastWritten = JSON.stringify(daysDone);
    const timer = setInterval(() => {
      const snapshot = JSON.stringify(daysDone);
      if (snapshot === lastWritten) return;
      lastWritten = snapshot;
      written = written.then(() => this.comparisons.recordProgress(comparison.id, JSON.parse(snapshot))).catch((error: unknown) => this.logger.warn({ err: error }, 'progress not written'));
    }, PROGRESS_WRITE_MS);
    try {
      const result = await this.runner.compare(comparison.scenario, comparison.policies, (policy, day) => (daysDone[policy] = day), this.stopping.signal);
      clearInterval(timer);
      await written;
      await this.comparisons.markDone(comparison.id, daysDone, result);
    } catch (error) {
      clearInterval(timer);
      await written;
      if (this.stopping.signal.aborted) throw new Error('the worker stopped during the comparison; it starts over on the next worker');
      // In plain words for the page: the first line, never a stack trace (the log keeps it).
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      await this.comparisons.markFailed(comparison.id, message);
      this.logger.error({ err: error, comparisonId: comparison.id }, 'comparison failed');
      throw new UnrecoverableError(message);
    }
  }

  /** Cuts a running comparison short, so the worker stops now rather than when the runs end. */
  override async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await super.beforeApplicationShutdown();
  }

  /** A job out of tries (its worker stopped under it each time) fails its comparison, so asking again starts a new one. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ComparisonJobData> | undefined, error: Error): Promise<void> {
    if (job === undefined || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.comparisons.markFailed(job.data.comparisonId, error.message.split('\n')[0]!).catch((failure: unknown) => this.logger.warn({ err: failure }, 'comparison not marked failed'));
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'comparisons worker error');
  }
}
