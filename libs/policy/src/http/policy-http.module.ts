import { Module } from '@nestjs/common';
import { PolicyChanges } from '../policy-changes.service.js';
import { PolicyModule } from '../policy.module.js';
import { PolicyController } from './policy.controller.js';

/** GET/PUT /api/policy. The process that mounts it binds a PolicyChangeRecorder (the api: audit). */
@Module({ imports: [PolicyModule], controllers: [PolicyController], providers: [PolicyChanges] })
export class PolicyHttpModule {}
