import { AgenciesModule } from '@app/agencies';
import { CamerasModule } from '@app/cameras';
import { Module } from '@nestjs/common';
import { DemoTownService } from './demo-town.service.js';

/**
 * Porchlight Falls, the demo town, for whoever loads it: `npm start`'s seed and the sandbox's
 * classroom route. Needs the database, the clock, the config and identity (global) around it.
 */
@Module({
  imports: [AgenciesModule, CamerasModule],
  providers: [DemoTownService],
  exports: [DemoTownService],
})
export class DemoTownModule {}
