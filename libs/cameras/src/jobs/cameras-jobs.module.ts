import { DueTaskRegistry } from '@app/clock';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { CamerasModule } from '../cameras.module.js';
import { RetentionService } from '../retention.service.js';

export const RETENTION_PURGE_TASK = 'cameras.retention-purge';

/** Runs on every clock tick, and whenever the sandbox clock is moved. */
@Injectable()
class RetentionPurgeTask implements OnModuleInit {
  constructor(
    private readonly registry: DueTaskRegistry,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: RETENTION_PURGE_TASK,
      runDue: async (now, manager) => {
        await this.retention.purgeDue(now, manager);
      },
    });
  }
}

/** For the worker: the cameras context's due work. */
@Module({ imports: [CamerasModule], providers: [RetentionPurgeTask] })
export class CamerasJobsModule {}
