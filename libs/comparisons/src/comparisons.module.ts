import type { AppConfig } from '@app/config';
import { SandboxKeyGuard } from '@app/sandbox';
import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComparisonEntity } from './comparison.entity.js';
import { ComparisonsRepository } from './comparisons.repository.js';
import { ComparisonsService } from './comparisons.service.js';
import { ComparisonsController } from './http/comparisons.controller.js';
import { ComparisonsProcessor } from './jobs/comparisons.processor.js';
import { COMPARISONS_QUEUE } from './jobs/comparisons-queue.js';
import { ComparisonRunner, ScenarioCatalog } from './simulator.ports.js';

const persistence = [TypeOrmModule.forFeature([ComparisonEntity]), BullModule.registerQueue({ name: COMPARISONS_QUEUE })];

@Module({})
export class ComparisonsModule {
  /**
   * For the api: the routes, with the simulator's catalog of shipped scenarios. Like the
   * sandbox's, they are not mounted without SANDBOX_KEY.
   */
  static forApi(config: AppConfig, catalog: Type<ScenarioCatalog>): DynamicModule {
    if (!config.sandboxEnabled) return { module: ComparisonsModule };
    const providers: Provider[] = [ComparisonsRepository, ComparisonsService, SandboxKeyGuard, { provide: ScenarioCatalog, useClass: catalog }];
    return { module: ComparisonsModule, imports: persistence, controllers: [ComparisonsController], providers };
  }

  /** For the worker: the processor, with the simulator's runner. */
  static forWorker(runner: Type<ComparisonRunner>): DynamicModule {
    return { module: ComparisonsModule, imports: persistence, providers: [ComparisonsRepository, ComparisonsProcessor, { provide: ComparisonRunner, useClass: runner }] };
  }
}
