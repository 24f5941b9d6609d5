import { AuditModule } from '@app/audit';
import { CamerasModule } from '@app/cameras';
import { OutboxModule } from '@app/outbox';
import { PolicyModule } from '@app/policy';
import { RequestsModule } from '@app/requests';
import { Module } from '@nestjs/common';
import { OverridesRepository } from './overrides.repository.js';
import { OverridesService } from './overrides.service.js';

/** Warrant and emergency overrides for every process; no HTTP. */
@Module({
  imports: [AuditModule, CamerasModule, OutboxModule, PolicyModule, RequestsModule],
  providers: [OverridesRepository, OverridesService],
  exports: [OverridesService],
})
export class OverridesModule {}
