import { AuditModule } from '@app/audit';
import { CamerasModule } from '@app/cameras';
import { OutboxModule } from '@app/outbox';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { RequestsRepository } from './requests.repository.js';
import { RequestsService } from './requests.service.js';

/** Footage requests for every process; no HTTP, no jobs. */
@Module({
  imports: [AuditModule, CamerasModule, OutboxModule, PolicyModule],
  providers: [RequestsRepository, RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
