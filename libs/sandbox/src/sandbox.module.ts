import { ClockSettlerModule } from '@app/clock';
import type { AppConfig } from '@app/config';
import { DemoTownModule, ScenarioTowns } from '@app/demo-town';
import { RealtimeModule } from '@app/notifications';
import { WorldModule } from '@app/world';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { SandboxKeyGuard } from './http/sandbox-key.guard.js';
import { SandboxController } from './http/sandbox.controller.js';
import { SandboxClockService } from './sandbox-clock.service.js';
import { SandboxResetService } from './sandbox-reset.service.js';
import { WorldEraser } from './world-eraser.js';

@Module({})
export class SandboxModule {
  /**
   * Without SANDBOX_KEY the routes are not mounted at all (404, absent from /docs) rather than
   * refused, so a real deployment exposes no reset or clock surface whatever the header says.
   * `scenarioTowns`: the simulator's shipped scenarios as towns to load (bound by the api).
   */
  static register(config: AppConfig, scenarioTowns: Type<ScenarioTowns>): DynamicModule {
    if (!config.sandboxEnabled) return { module: SandboxModule };
    return {
      module: SandboxModule,
      imports: [ClockSettlerModule, WorldModule, RealtimeModule, DemoTownModule],
      controllers: [SandboxController],
      providers: [SandboxKeyGuard, SandboxClockService, SandboxResetService, WorldEraser, { provide: ScenarioTowns, useClass: scenarioTowns }],
    };
  }
}
