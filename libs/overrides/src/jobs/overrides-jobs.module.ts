import { DueTaskRegistry } from '@app/clock';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { OverridesModule } from '../overrides.module.js';
import { OverridesService } from '../overrides.service.js';

export const OWNER_NOTICE_TASK = 'overrides.owner-notice';

/** Runs on every clock tick, and whenever the sandbox clock is moved: notice periods end in simulated time. */
@Injectable()
class OwnerNoticeTask implements OnModuleInit {
  constructor(
    private readonly registry: DueTaskRegistry,
    private readonly overrides: OverridesService,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: OWNER_NOTICE_TASK, runDue: (now, manager) => this.overrides.tellOwnersDue(now, manager) });
  }
}

/** For the worker: the overrides context's due work. */
@Module({ imports: [OverridesModule], providers: [OwnerNoticeTask] })
export class OverridesJobsModule {}
