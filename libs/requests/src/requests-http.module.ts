import { Module } from '@nestjs/common';
import { RequestsController } from './http/requests.controller.js';
import { RequestsModule } from './requests.module.js';

/** The police portal's request routes, for the api. */
@Module({ imports: [RequestsModule], controllers: [RequestsController] })
export class RequestsHttpModule {}
