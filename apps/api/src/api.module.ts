import { ClockModule } from '@app/clock';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { Module, type DynamicModule } from '@nestjs/common';

/** The HTTP process: every context's HTTP module, composed; no business logic here. */
@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        QueueModule,
        ClockModule,
        HealthModule,
      ],
    };
  }
}
