import { AgenciesHttpModule } from '@app/agencies';
import { AuditHttpModule } from '@app/audit';
import { CamerasHttpModule } from '@app/cameras';
import { CLOCK_QUEUE, ClockModule } from '@app/clock';
import { COMPARISONS_QUEUE, ComparisonsModule } from '@app/comparisons';
import { ConsentHttpModule } from '@app/consent';
import { AppConfig, ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FeedHttpModule } from '@app/feed';
import { HealthModule } from '@app/health';
import { IdempotencyModule } from '@app/idempotency';
import { IdentityHttpModule } from '@app/identity';
import { LoggingModule } from '@app/logging';
import { NOTIFICATIONS_QUEUE, NotificationsHttpModule } from '@app/notifications';
import { OverridesHttpModule } from '@app/overrides';
import { OUTBOX_QUEUE, OutboxModule } from '@app/outbox';
import { PolicyHttpModule, PolicyModule } from '@app/policy';
import { DeploymentQueuesModule, QueueModule } from '@app/queue';
import { QueueBoardModule } from '@app/queue-board';
import { RequestsHttpModule } from '@app/requests';
import { SandboxModule } from '@app/sandbox';
import { TransparencyModule } from '@app/transparency';
import { Module, type DynamicModule } from '@nestjs/common';
import { ShippedScenarioCatalog } from '../../sim/src/hosted/shipped-scenario-catalog.js';
import { ShippedScenarioTowns } from '../../sim/src/hosted/shipped-scenario-towns.js';
import { PolicyAuditModule } from './policy-audit.module.js';

/** The HTTP process: every context's HTTP module, composed; no business logic here. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        QueueModule,
        DeploymentQueuesModule.forRoot([OUTBOX_QUEUE, NOTIFICATIONS_QUEUE, CLOCK_QUEUE, COMPARISONS_QUEUE]),
        ClockModule,
        OutboxModule,
        PolicyModule,
        HealthModule,
        IdentityHttpModule,
        AuditHttpModule,
        PolicyHttpModule,
        PolicyAuditModule,
        CamerasHttpModule,
        AgenciesHttpModule,
        RequestsHttpModule,
        OverridesHttpModule,
        ConsentHttpModule,
        FeedHttpModule,
        NotificationsHttpModule,
        IdempotencyModule,
        SandboxModule.register(config, ShippedScenarioTowns),
        ComparisonsModule.forApi(config, ShippedScenarioCatalog),
        QueueBoardModule,
        TransparencyModule,
      ],
    };
  }
}
