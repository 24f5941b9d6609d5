import { Module } from '@nestjs/common';
import { World } from './world.js';

/** Imported by each module whose providers use World (it needs only the global DataSource). */
@Module({ providers: [World], exports: [World] })
export class WorldModule {}
