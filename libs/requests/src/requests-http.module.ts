import { Module } from '@nestjs/common';
import { ModerationRequestsController } from './http/moderation-requests.controller.js';
import { RequestsController } from './http/requests.controller.js';
import { RequestsModule } from './requests.module.js';

/** The police portal's request routes and the moderators' review queue, for the api. */
@Module({ imports: [RequestsModule], controllers: [RequestsController, ModerationRequestsController] })
export class RequestsHttpModule {}
