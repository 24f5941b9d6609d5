// `npm start` runs this after the set-up: the demo town, in the configured database.
import 'reflect-metadata';
import { AuditModule } from '@app/audit';
import { ClockModule } from '@app/clock';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DemoTownModule, DemoTownService } from '@app/demo-town';
import { IdentityModule } from '@app/identity';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Module({
  imports: [
    ConfigModule.forRoot(),
    DatabaseModule,
    ClockModule,
    AuditModule,
    PolicyModule,
    IdentityModule,
    DemoTownModule,
  ],
})
class SeedModule {}

const config = loadConfig();
if (config.env === 'production') {
  process.stdout.write('[seed] NODE_ENV=production: no demo data\n');
  process.exit(0);
}

const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
try {
  process.stdout.write(`[seed] ${(await app.get(DemoTownService).seed({ syncPasswords: true })).summary}\n`);
} finally {
  await app.close();
}
