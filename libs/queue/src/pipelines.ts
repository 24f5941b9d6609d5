import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';

/** A pipeline's work in an inline process, done when the process drains. */
export interface PipelineDrainer {
  readonly name: string;
  /** Does all the work there is; true when there was some. */
  drainOnce(): Promise<boolean>;
}

/**
 * How the worker's pipelines (outbox delivery, notification batches, clock ticks) run in this
 * process.
 * - queued (every deployment): through BullMQ; consumers start at bootstrap and take work as it
 *   comes, the relay polls, a repeatable job ticks the clock.
 * - inline (PIPELINES=inline: the simulator): nothing goes through a queue and nothing polls. The
 *   process drains when it chooses; outbox events then reach the same handlers, directly, and a
 *   handler's follow-up work (a notification batch) runs where it would have been queued. Due
 *   tasks run when the process ticks its own clock (DueTaskRunner). What the pipelines do then
 *   depends on what was published, not on timing, and costs no round trip to Redis.
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

  /**
   * Runs each drainer, in registration order, until it has nothing left; with more than one,
   * goes round again while any found work, as one's work may be another's.
   */
  async drain(): Promise<void> {
    if (!this.inline) throw new Error('drain() needs PIPELINES=inline: queued pipelines take their work themselves');
    for (let found = true; found; ) {
      found = false;
      for (const drainer of this.drainers) if (await drainer.drainOnce()) found = true;
      if (this.drainers.length === 1) return;
    }
  }
}
