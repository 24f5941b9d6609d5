import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { DueTaskRegistry } from './due-tasks.js';

@Global()
@Module({ providers: [Clock, DueTaskRegistry], exports: [Clock, DueTaskRegistry] })
export class ClockModule {}
