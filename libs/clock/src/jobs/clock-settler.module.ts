import { WorldModule } from '@app/world';
import { Module } from '@nestjs/common';
import { ClockSettler } from './clock-settler.js';

/** For processes that move the clock (the sandbox api); the worker imports ClockTickModule. */
@Module({ imports: [WorldModule], providers: [ClockSettler], exports: [ClockSettler] })
export class ClockSettlerModule {}
