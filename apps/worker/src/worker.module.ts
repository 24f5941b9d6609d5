import { CamerasJobsModule } from '@app/cameras';
import { ClockModule, ClockTickModule } from '@app/clock';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FeedJobsModule } from '@app/feed';
import { HealthModule } from '@app/health';
import { IdempotencyPurgeModule } from '@app/idempotency';
import { LoggingModule } from '@app/logging';
import { NotificationsJobsModule } from '@app/notifications';
import { OutboxPruneModule, OutboxRelayModule } from '@app/outbox';
import { OverridesJobsModule } from '@app/overrides';
import { PolicyModule } from '@app/policy';
import { QueueModule } from '@app/queue';
import { RequestsJobsModule } from '@app/requests';
import { Module, type DynamicModule } from '@nestjs/common';

/**
 * The worker process: outbox relay and job processors; HTTP only for its health checks. `hosted`:
 * processors main.ts adds for a deployment (the simulator's comparisons), which the simulator's
 * own runs (apps/sim) leave out, as the simulator cannot host itself.
 */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig, hosted: DynamicModule[] = []): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        QueueModule,
        ClockModule,
        ClockTickModule,
        PolicyModule,
        OutboxRelayModule,
        OutboxPruneModule,
        IdempotencyPurgeModule,
        CamerasJobsModule,
        RequestsJobsModule,
        OverridesJobsModule,
        FeedJobsModule,
        NotificationsJobsModule,
        HealthModule,
        ...hosted,
      ],
    };
  }
}
