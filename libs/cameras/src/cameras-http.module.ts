import { Module } from '@nestjs/common';
import { CamerasModule } from './cameras.module.js';
import { CamerasController } from './http/cameras.controller.js';
import { CoverageController } from './http/coverage.controller.js';
import { PrivacyController } from './http/privacy.controller.js';
import { RecordingsController } from './http/recordings.controller.js';

/** The residents' camera routes and the police coverage map, for the api. */
@Module({
  imports: [CamerasModule],
  controllers: [CamerasController, RecordingsController, PrivacyController, CoverageController],
})
export class CamerasHttpModule {}
