// `npm start` runs this after the set-up: the demo town, in the configured database.
import 'reflect-metadata';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { CamerasModule } from '@app/cameras';
import { ClockModule } from '@app/clock';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { seedDemoTown } from './demo/seed-town.js';

@Module({
  imports: [
    ConfigModule.forRoot(),
    DatabaseModule,
    ClockModule,
    AuditModule,
    PolicyModule,
    IdentityModule,
    AgenciesModule,
    CamerasModule,
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
  process.stdout.write(`[seed] ${await seedDemoTown(app, config)}\n`);
} finally {
  await app.close();
}
