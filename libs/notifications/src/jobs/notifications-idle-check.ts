import { SettleChecks } from '@app/clock';
import { queueIdle } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { NOTIFICATIONS_QUEUE } from './fan-out.js';

/** Notifications are idle when no fan-out batch waits or runs: every planned inbox row exists. */
@Injectable()
export class NotificationsIdleCheck implements OnModuleInit {
  readonly name = 'notifications';

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly checks: SettleChecks,
  ) {}

  onModuleInit(): void {
    this.checks.register(this);
  }

  isIdle(): Promise<boolean> {
    return queueIdle(this.queue);
  }
}
