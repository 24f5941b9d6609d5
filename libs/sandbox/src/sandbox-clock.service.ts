import { AuditService } from '@app/audit';
import { Clock, ClockSettler } from '@app/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MAX_ADVANCE_SECONDS, type MoveClockDto } from './dto/move-clock.dto.js';
import type { ClockMovedResponse, ClockStateResponse } from './dto/sandbox.responses.js';
import { ClockBackwardsError, ClockLeapTooLongError, ClockMoveAmbiguousError } from './sandbox.errors.js';
import { SANDBOX_CLOCK_MOVED } from './sandbox.events.js';

@Injectable()
export class SandboxClockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settler: ClockSettler,
    private readonly audit: AuditService,
  ) {}

  async state(): Promise<ClockStateResponse> {
    const offsetMs = await this.clock.offsetMs();
    return { now: (await this.clock.now()).toISOString(), offsetSeconds: offsetMs / 1000 };
  }

  /** Moves sandbox time, then waits until the worker has run everything due by the new time. */
  async move(move: MoveClockDto): Promise<ClockMovedResponse> {
    const now = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent moves (each must start from the offset the previous one wrote);
      // readers of the clock are not blocked.
      await manager.query('LOCK TABLE sandbox_clock IN SHARE ROW EXCLUSIVE MODE');
      const from = await this.clock.now(manager);
      const to = targetOf(from, move);
      await this.clock.setNow(to, manager);
      await this.audit.record(manager, {
        actor: 'system',
        action: SANDBOX_CLOCK_MOVED,
        subject: 'sandbox:clock',
        data: { from: from.toISOString(), to: to.toISOString() },
      });
      return to;
    });
    return { now: now.toISOString(), status: await this.settler.settle() };
  }
}

function targetOf(current: Date, move: MoveClockDto): Date {
  if ((move.advanceSeconds === undefined) === (move.now === undefined)) {
    throw new ClockMoveAmbiguousError();
  }
  const target = move.now === undefined ? new Date(current.getTime() + move.advanceSeconds! * 1000) : new Date(move.now);
  // Time only moves on: due jobs that already ran (expiries, purges) cannot be undone, and the
  // audit log's order would contradict its timestamps if a later event could carry an earlier time.
  if (target < current) {
    throw new ClockBackwardsError(current);
  }
  if (target.getTime() - current.getTime() > MAX_ADVANCE_SECONDS * 1000) {
    throw new ClockLeapTooLongError(MAX_ADVANCE_SECONDS);
  }
  return target;
}
