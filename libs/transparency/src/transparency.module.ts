import { Module } from '@nestjs/common';
import { TransparencyController } from './http/transparency.controller.js';
import { TransparencyRepository } from './transparency.repository.js';
import { TransparencyService } from './transparency.service.js';

/** The public transparency report, for the api. */
@Module({ providers: [TransparencyRepository, TransparencyService], controllers: [TransparencyController], exports: [TransparencyService] })
export class TransparencyModule {}
