import { Module } from '@nestjs/common';
import { AgenciesModule } from './agencies.module.js';
import { AgenciesController } from './http/agencies.controller.js';

/** The agencies routes and the Active Law Enforcement Map, for the api. */
@Module({ imports: [AgenciesModule], controllers: [AgenciesController] })
export class AgenciesHttpModule {}
