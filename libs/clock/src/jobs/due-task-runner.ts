import { World } from '@app/world';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock.js';
import { DueTaskRegistry } from '../due-tasks.js';

/** What one tick did: the time it ran at and the tasks that ran. */
export interface DueTasksRun {
  now: string;
  ran: string[];
}

/** What a clock tick does: every due task, at the clock's current time. */
@Injectable()
export class DueTaskRunner {
  constructor(
    private readonly clock: Clock,
    private readonly dueTasks: DueTaskRegistry,
    private readonly world: World,
  ) {}

  /** In the world `manager` holds. Throws naming the tasks that failed. */
  async runDue(manager: EntityManager): Promise<DueTasksRun> {
    const now = await this.clock.now(manager);
    const { ran, failed } = await this.dueTasks.runAll(now, manager);
    // Failing makes a waiting settle answer 'pending' instead of claiming the work is done; the
    // next tick runs the failed tasks again (they are idempotent).
    if (failed.length > 0) throw new Error(`Due tasks failed: ${failed.join(', ')}`);
    return { now: now.toISOString(), ran };
  }

  /** A tick by the process itself, in the current world: how a process with inline pipelines ticks. */
  async tick(): Promise<DueTasksRun> {
    const outcome = await this.world.run('current', (manager) => this.runDue(manager));
    if (outcome.stale) throw new Error('unreachable: the current world is never stale');
    return outcome.result;
  }
}
