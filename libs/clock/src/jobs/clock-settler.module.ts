import { Module } from '@nestjs/common';
import { ClockSettler } from './clock-settler.js';

/** For processes that move the clock (the sandbox api); the worker imports ClockTickModule. */
@Module({ providers: [ClockSettler], exports: [ClockSettler] })
export class ClockSettlerModule {}
