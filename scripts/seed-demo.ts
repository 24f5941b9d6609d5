// Seeds the demo town into the configured database, idempotently: people who already exist are
// left alone. Runs through the same services as the api, so passwords are hashed and every
// sign-up and role grant is in the audit chain.
import 'reflect-metadata';
import { AuditModule } from '@app/audit';
import { ClockModule } from '@app/clock';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AuthService, EmailTakenError, IdentityModule, UsersService } from '@app/identity';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { demoLogins } from './demo/demo-logins.js';

@Module({ imports: [ConfigModule.forRoot(), DatabaseModule, ClockModule, AuditModule, IdentityModule] })
class SeedModule {}

const ignoreExisting = (error: unknown): void => {
  if (!(error instanceof EmailTakenError)) throw error;
};

const config = loadConfig();
if (config.env === 'production') {
  process.stdout.write('[seed] NODE_ENV=production: no demo data\n');
  process.exit(0);
}

const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
try {
  const users = app.get(UsersService);
  const auth = app.get(AuthService);
  const admin = await users.ensureAdmin();
  let created = 0;
  for (const login of demoLogins(config)) {
    if (login.role === 'admin') continue;
    const create =
      login.role === 'resident'
        ? auth.register({ email: login.email, password: login.password, displayName: login.displayName })
        : users.createStaff(admin, { ...login, role: login.role as 'moderator' });
    await create.then(() => created++, ignoreExisting);
  }
  process.stdout.write(`[seed] demo town ready (${created} new account${created === 1 ? '' : 's'})\n`);
} finally {
  await app.close();
}
