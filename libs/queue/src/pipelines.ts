import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';

/** A pipeline's work in an inline process, done when the process drains. */
export interface PipelineDrainer {
  readonly name: string;
  /** Does the work noted for it (Pipelines.note), and any it notes for itself while it works. */
  drainOnce(): Promise<void>;
}

/**
 * Inline pipelines with work noted since a drain last took it, kept with the configuration object:
 * the Nest contexts of one inline product (the simulator's api and worker of a run) share it, so
 * an event the api publishes is work for the worker's drain; runs side by side do not. Absent:
 * never drained, so every pipeline may have work (left from before the process started).
 */
const notedWork = new WeakMap<AppConfig, Set<string>>();

/**
 * How the worker's pipelines (outbox delivery, notification batches, clock ticks) run in this
 * process.
 * - queued (every deployment): through BullMQ; consumers start at bootstrap and take work as it
 *   comes, the relay polls, a repeatable job ticks the clock.
 * - inline (PIPELINES=inline: the simulator, a process that is the whole product): nothing goes
 *   through a queue and nothing polls. Producers note work for a pipeline (the outbox when an
 *   event is published); the process drains when it chooses, and a drain runs the pipelines with
 *   work noted, so a step that published nothing costs no statement. Outbox events then reach
 *   the same handlers, directly, and a handler's follow-up work (a notification batch) runs
 *   where it would have been queued. Due tasks run when the process ticks its own clock
 *   (DueTaskRunner). What the pipelines do then depends on what was published, not on timing,
 *   and costs no round trip to Redis.
 */
@Injectable()
export class Pipelines {
  private readonly drainers: PipelineDrainer[] = [];

  constructor(private readonly config: AppConfig) {}

  get inline(): boolean {
    return this.config.redis.pipelines === 'inline';
  }

  register(drainer: PipelineDrainer): void {
    if (!this.inline) throw new Error(`${drainer.name}: drainers are registered only when PIPELINES=inline`);
    this.drainers.push(drainer);
  }

  /** Inline: `pipeline` has work for the next drain (a transaction that rolls back leaves it none, harmlessly). */
  note(pipeline: string): void {
    if (this.inline) this.noted?.add(pipeline);
  }

  /** Whether work was noted for `pipeline` since it last took it; takes it. */
  take(pipeline: string): boolean {
    const noted = this.noted;
    return noted === undefined || noted.delete(pipeline);
  }

  /**
   * Runs each drainer with work noted, in registration order, and goes round again while any
   * finds more (one's work may be another's). A drainer that fails keeps its work for the next
   * drain.
   */
  async drain(): Promise<void> {
    if (!this.inline) throw new Error('drain() needs PIPELINES=inline: queued pipelines take their work themselves');
    if (!notedWork.has(this.config)) notedWork.set(this.config, new Set(this.drainers.map((drainer) => drainer.name)));
    for (let worked = true; worked; ) {
      worked = false;
      for (const drainer of this.drainers) {
        if (!this.take(drainer.name)) continue;
        worked = true;
        try {
          await drainer.drainOnce();
        } catch (error) {
          this.note(drainer.name);
          throw error;
        }
      }
    }
  }

  private get noted(): Set<string> | undefined {
    return notedWork.get(this.config);
  }
}
