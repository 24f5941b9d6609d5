import { SettleChecks } from '@app/clock';
import { queueIdle } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OUTBOX_QUEUE } from './outbox-event.js';

/** The outbox is idle when every committed event is relayed and every relayed one handled. */
@Injectable()
export class OutboxIdleCheck implements OnModuleInit {
  readonly name = 'outbox';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(OUTBOX_QUEUE) private readonly queue: Queue,
    private readonly checks: SettleChecks,
  ) {}

  onModuleInit(): void {
    this.checks.register(this);
  }

  async isIdle(): Promise<boolean> {
    // Served by outbox_event_unsent_idx.
    const [{ unsent }] = await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM outbox_event WHERE sent_at IS NULL) AS unsent');
    return !unsent && (await queueIdle(this.queue));
  }
}
