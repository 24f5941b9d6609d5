import { AuditModule } from '@app/audit';
import { CamerasModule } from '@app/cameras';
import { OutboxModule } from '@app/outbox';
import { OverridesModule } from '@app/overrides';
import { PolicyModule } from '@app/policy';
import { RequestsModule } from '@app/requests';
import { Module } from '@nestjs/common';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';
import { ConsentRepository } from './consent.repository.js';
import { ConsentService } from './consent.service.js';
import { FootageRepository } from './footage.repository.js';
import { FootageService } from './footage.service.js';
import { Pseudonyms } from './pseudonyms.js';
import { StaffAccessService } from './staff-access.service.js';

const services = [ConsentService, FootageService, AccessLogService, StaffAccessService];

/** Owners' consent and every access to shared footage, for every process; no HTTP. */
@Module({
  imports: [AuditModule, CamerasModule, OutboxModule, OverridesModule, PolicyModule, RequestsModule],
  providers: [ConsentRepository, FootageRepository, AccessLogRepository, Pseudonyms, ...services],
  exports: services,
})
export class ConsentModule {}
