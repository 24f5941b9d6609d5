import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEventEntity } from './entities/outbox-event.entity.js';
import { ProcessedEventEntity } from './entities/processed-event.entity.js';
import { OutboxService } from './outbox.service.js';

/** Writing side, in every process: any context may publish inside its own transaction. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventEntity, ProcessedEventEntity])],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
