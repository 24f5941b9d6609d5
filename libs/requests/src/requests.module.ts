import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/outbox';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { RequestsRepository } from './requests.repository.js';
import { RequestsService } from './requests.service.js';

/** Footage requests for every process; no HTTP, no jobs. */
@Module({
  imports: [AuditModule, OutboxModule, PolicyModule],
  providers: [RequestsRepository, RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
