import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { DueTaskRegistry } from './due-tasks.js';
import { SettleChecks } from './settle-checks.js';

@Global()
@Module({ providers: [Clock, DueTaskRegistry, SettleChecks], exports: [Clock, DueTaskRegistry, SettleChecks] })
export class ClockModule {}
