import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Work that becomes due as time passes (expiry, retention purge …), run on every clock tick. */
export interface DueTask {
  readonly name: string;
  /**
   * Does everything due by `now`; must be idempotent (ticks may overlap or repeat). Its reads and
   * transactions go through `manager`, the connection that holds the tick's world (libs/world).
   */
  runDue(now: Date, manager: EntityManager): Promise<void>;
}

/**
 * Contexts register their due tasks here (in onModuleInit); the worker's clock tick runs them
 * all, on a timer and whenever the sandbox clock is moved.
 */
@Injectable()
export class DueTaskRegistry {
  private readonly logger = new Logger(DueTaskRegistry.name);
  private readonly tasks = new Map<string, DueTask>();

  register(task: DueTask): void {
    this.tasks.set(task.name, task);
  }

  get names(): string[] {
    return [...this.tasks.keys()];
  }

  /** Runs every task; one failing task does not stop the others, but the tick reports it. */
  async runAll(now: Date, manager: EntityManager): Promise<{ ran: string[]; failed: string[] }> {
    const ran: string[] = [];
    const failed: string[] = [];
    for (const task of this.tasks.values()) {
      try {
        await task.runDue(now, manager);
        ran.push(task.name);
      } catch (error) {
        this.logger.error({ err: error, task: task.name }, 'due task failed');
        failed.push(task.name);
      }
    }
    return { ran, failed };
  }
}
