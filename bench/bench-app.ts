import { AuditModule } from '@app/audit';
import { ClockModule } from '@app/clock';
import { ConfigModule, loadConfig, parseConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { PolicyModule } from '@app/policy';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/**
 * The product's services in a Nest application context on the bench database, without HTTP:
 * what a benchmark times is the service and its SQL through TypeORM, as the api runs them.
 */
export async function benchApp(url: string, imports: (Type | DynamicModule)[]): Promise<INestApplicationContext> {
  const base = loadConfig();
  const config = parseConfig({
    JWT_SECRET: base.auth.jwtSecret,
    ADMIN_PASSWORD: base.auth.adminPassword,
    DATABASE_URL: url,
    REDIS_URL: base.redis.url,
    LOG_LEVEL: 'silent',
    DEFAULT_POLICY_PROFILE: 'ring-2019',
  });
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, ClockModule, AuditModule, PolicyModule, ...imports] })
  class BenchModule {}
  return NestFactory.createApplicationContext(BenchModule, { logger: false });
}
