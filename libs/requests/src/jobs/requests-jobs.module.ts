import { DueTaskRegistry } from '@app/clock';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { RequestsModule } from '../requests.module.js';
import { RequestsService } from '../requests.service.js';

export const REQUEST_EXPIRY_TASK = 'requests.expiry';

/** Runs on every clock tick, and whenever the sandbox clock is moved: never on wall-time timers. */
@Injectable()
class RequestExpiryTask implements OnModuleInit {
  constructor(
    private readonly registry: DueTaskRegistry,
    private readonly requests: RequestsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: REQUEST_EXPIRY_TASK,
      runDue: async (now, manager) => {
        await this.requests.expireDue(now, manager);
      },
    });
  }
}

/** For the worker: the requests context's due work. */
@Module({ imports: [RequestsModule], providers: [RequestExpiryTask] })
export class RequestsJobsModule {}
