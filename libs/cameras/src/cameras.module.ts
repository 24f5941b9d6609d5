import { AuditModule } from '@app/audit';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreaCamerasRepository } from './area-cameras.repository.js';
import { AreaCamerasService } from './area-cameras.service.js';
import { CamerasRepository } from './cameras.repository.js';
import { CamerasService } from './cameras.service.js';
import { CoverageRepository } from './coverage.repository.js';
import { CoverageService } from './coverage.service.js';
import { CameraEntity } from './entities/camera.entity.js';
import { PrivacySettingEntity } from './entities/privacy-setting.entity.js';
import { RecordingEntity } from './entities/recording.entity.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyService } from './privacy.service.js';
import { RecordingsRepository } from './recordings.repository.js';
import { RecordingsService } from './recordings.service.js';
import { RetentionService } from './retention.service.js';

const services = [CamerasService, AreaCamerasService, RecordingsService, PrivacyService, CoverageService, RetentionService];

/** Cameras, recordings, owners' privacy settings and coverage for every process; no HTTP, no jobs. */
@Module({
  imports: [AuditModule, PolicyModule, TypeOrmModule.forFeature([CameraEntity, RecordingEntity, PrivacySettingEntity])],
  providers: [CamerasRepository, AreaCamerasRepository, RecordingsRepository, PrivacyRepository, CoverageRepository, ...services],
  exports: services,
})
export class CamerasModule {}
