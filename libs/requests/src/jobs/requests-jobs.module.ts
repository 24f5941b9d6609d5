import { DueTaskRegistry } from '@app/clock';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { RequestsModule } from '../requests.module.js';
import { RequestsService } from '../requests.service.js';

export const REQUEST_EXPIRY_TASK = 'requests.expiry';
export const REQUEST_REMINDER_TASK = 'requests.reminders';

/** Runs on every clock tick, and whenever the sandbox clock is moved: never on wall-time timers. */
@Injectable()
class RequestDueTasks implements OnModuleInit {
  constructor(
    private readonly registry: DueTaskRegistry,
    private readonly requests: RequestsService,
  ) {}

  onModuleInit(): void {
    // Registered first, so it runs first on each tick: a reminder due before the request's expiry
    // is sent even when one clock jump passes both.
    this.registry.register({
      name: REQUEST_REMINDER_TASK,
      runDue: (now, manager) => this.requests.remindDue(now, manager),
    });
    this.registry.register({
      name: REQUEST_EXPIRY_TASK,
      runDue: async (now, manager) => {
        await this.requests.expireDue(now, manager);
      },
    });
  }
}

/** For the worker: the requests context's due work. */
@Module({ imports: [RequestsModule], providers: [RequestDueTasks] })
export class RequestsJobsModule {}
