import { Injectable } from '@nestjs/common';

/**
 * Work that follows from due tasks without being one: an outbox event relayed, a fan-out batch
 * run. A settle (the sandbox moved the clock) waits until every check says idle, so that when the
 * clock answers `ready` the consequences exist too — the notices an expiry or an override sends.
 */
export interface IdleCheck {
  readonly name: string;
  isIdle(): Promise<boolean>;
}

const POLL_MS = 25;

/** Contexts register their checks here (in onModuleInit); the worker's settle job waits on them. */
@Injectable()
export class SettleChecks {
  private readonly checks = new Map<string, IdleCheck>();

  register(check: IdleCheck): void {
    this.checks.set(check.name, check);
  }

  /**
   * True once every check answered idle twice in a row (one pipeline hands work to the next
   * between two polls: an outbox job queues a fan-out batch); false at the deadline.
   */
  async waitUntilIdle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let idleRounds = 0;
    while (Date.now() < deadline) {
      idleRounds = (await this.allIdle()) ? idleRounds + 1 : 0;
      if (idleRounds === 2) return true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return false;
  }

  private async allIdle(): Promise<boolean> {
    for (const check of this.checks.values()) if (!(await check.isIdle())) return false;
    return true;
  }
}
