import { AppConfig } from '@app/config';
import { PROFILE_NAMES } from '@app/policy';
import { withTimeout } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ComparisonEntity } from './comparison.entity.js';
import { ComparisonNotFoundError, ComparisonQueueUnavailableError } from './comparisons.errors.js';
import { ScenarioNotFoundError } from '@app/demo-town';
import { ComparisonsRepository } from './comparisons.repository.js';
import { comparisonCacheKey } from './domain/cache-key.js';
import { COMPARISONS_QUEUE, type ComparisonJobData } from './jobs/comparisons-queue.js';
import { ScenarioCatalog } from './simulator.ports.js';

/** Finished jobs kept for the queue board; the result itself lives in the comparison's row. */
const JOBS_KEPT = 100;
/** Tries for a comparison whose worker stopped under it; one that fails on its own is not retried (ComparisonsProcessor). */
const ATTEMPTS = 5;

@Injectable()
export class ComparisonsService {
  private readonly logger = new Logger(ComparisonsService.name);

  constructor(
    private readonly catalog: ScenarioCatalog,
    private readonly comparisons: ComparisonsRepository,
    private readonly config: AppConfig,
    @InjectQueue(COMPARISONS_QUEUE) private readonly queue: Queue<ComparisonJobData>,
  ) {}

  /**
   * The comparison of shipped scenario `name` under every profile, at `scale` with `seed`: the
   * one already asked for (done, or still running) or a new one, queued. `created` says which.
   */
  async start(name: string, scale: number, seed: number | undefined): Promise<{ comparison: ComparisonEntity; created: boolean }> {
    const prepared = this.catalog.prepare(name, scale, seed);
    if (prepared === undefined) throw new ScenarioNotFoundError();
    const found = await this.comparisons.findOrCreate(comparisonCacheKey(prepared.scenario, PROFILE_NAMES), prepared, PROFILE_NAMES);
    const { comparison, created } = found;
    if (created) {
      await this.enqueue(comparison.id).catch(async () => {
        await this.comparisons.markFailed(comparison.id, 'Redis was unreachable when it was asked for');
        throw new ComparisonQueueUnavailableError();
      });
    } else if (comparison.status === 'queued' || comparison.status === 'running') {
      // Queued again while unfinished: the job id is the comparison's, so BullMQ ignores it while
      // the job exists, and one lost with Redis's data is queued anew. Without Redis, the
      // comparison as it stands is still the answer.
      await this.enqueue(comparison.id).catch((error: unknown) => this.logger.warn({ err: error, comparisonId: comparison.id }, 'could not queue an unfinished comparison again'));
    }
    return found;
  }

  async get(id: string): Promise<ComparisonEntity> {
    const comparison = await this.comparisons.findById(id);
    if (comparison === null) throw new ComparisonNotFoundError();
    return comparison;
  }

  private async enqueue(comparisonId: string): Promise<void> {
    await withTimeout(
      this.queue.add('compare', { comparisonId }, { jobId: comparisonId, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: JOBS_KEPT, removeOnFail: JOBS_KEPT }),
      this.config.outbox.enqueueTimeoutMs,
      'Redis',
    );
  }
}
