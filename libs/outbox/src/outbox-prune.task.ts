import { DueTaskRegistry } from '@app/clock';
import { AppConfig } from '@app/config';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export const OUTBOX_PRUNE_TASK = 'outbox.prune-delivered';

/**
 * Keeps the delivery bookkeeping from growing for ever: outbox rows sent, and processed_event
 * rows written, more than OUTBOX_RETENTION_DAYS ago. By then no redelivery can come: the relay
 * only sends unsent rows, and a job's retries end within minutes. Ages are in the database's own
 * time, like the rows' timestamps, so a moved sandbox clock prunes nothing early. Unsent rows are
 * never touched.
 */
@Injectable()
export class OutboxPruneTask implements OnModuleInit {
  constructor(
    private readonly registry: DueTaskRegistry,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: OUTBOX_PRUNE_TASK,
      runDue: async (_now, manager) => {
        await this.prune(manager);
      },
    });
  }

  async prune(manager: EntityManager = this.dataSource.manager): Promise<{ events: number; processed: number }> {
    const days = this.config.outbox.retentionDays;
    const [, events] = await manager.query(
      `DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(days => $1)`,
      [days],
    );
    const [, processed] = await manager.query(
      `DELETE FROM processed_event WHERE processed_at < now() - make_interval(days => $1)`,
      [days],
    );
    return { events, processed };
  }
}

/** For the worker, whose clock tick runs the due tasks. */
@Module({ providers: [OutboxPruneTask] })
export class OutboxPruneModule {}
