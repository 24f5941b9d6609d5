import { DueTaskRegistry } from '@app/clock';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import { IdempotencyRepository } from './idempotency.repository.js';

export const IDEMPOTENCY_PURGE_TASK = 'idempotency.purge-expired';

/** Expired keys already count as absent; this only keeps the table small. */
@Injectable()
class IdempotencyPurgeTask implements OnModuleInit {
  constructor(
    private readonly registry: DueTaskRegistry,
    private readonly repository: IdempotencyRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: IDEMPOTENCY_PURGE_TASK, runDue: (now, manager) => this.repository.deleteExpired(manager, now) });
  }
}

/** For the worker, whose clock tick runs the due tasks. */
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyKeyEntity])],
  providers: [IdempotencyRepository, IdempotencyPurgeTask],
})
export class IdempotencyPurgeModule {}
