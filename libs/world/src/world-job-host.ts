import { BootstrappedWorkerHost, type Pipelines } from '@app/queue';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import type { World } from './world.js';

/** What every job carries besides its own data: the generation of the world that queued it. */
export interface WorldStamp {
  world: number;
}

/**
 * A processor whose jobs act only on the world that queued them: each job runs inside
 * `World.run`, and a job of a world that a sandbox reset has since replaced completes without
 * doing anything (it is not failed: it would only come back as a dead letter).
 */
export abstract class WorldJobHost<Data, Result> extends BootstrappedWorkerHost {
  protected constructor(
    redis: Redis,
    pipelines: Pipelines,
    private readonly world: World,
  ) {
    super(redis, pipelines);
  }

  /**
   * The world the job belongs to: its stamp, or 'current' for jobs that belong to whichever world
   * is current when they run (a scheduled tick). Each processor says which, so none is forgotten.
   */
  protected abstract worldOf(job: Job<Data>): number | 'current';

  /** The job's work: its transactions through `manager`, and no other connection (see World.run). */
  protected abstract processInWorld(job: Job<Data>, manager: EntityManager, world: number): Promise<Result>;

  async process(job: Job<Data>): Promise<Result | undefined> {
    const outcome = await this.world.run(this.worldOf(job), (manager, world) => this.processInWorld(job, manager, world));
    if (outcome.stale) {
      this.logger.debug({ jobId: job.id, name: job.name }, 'job of a world since reset: skipped');
      return undefined;
    }
    return outcome.result;
  }
}
