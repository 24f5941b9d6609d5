import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy.module.js';
import { PolicyController } from './policy.controller.js';

@Module({ imports: [PolicyModule], controllers: [PolicyController] })
export class PolicyHttpModule {}
