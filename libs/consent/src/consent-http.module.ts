import { Module } from '@nestjs/common';
import { ConsentModule } from './consent.module.js';
import { AccessLogController } from './http/access-log.controller.js';
import { AdminRecordingsController } from './http/admin-recordings.controller.js';
import { ConsentsController } from './http/consents.controller.js';
import { FootageController } from './http/footage.controller.js';
import { MyRequestsController } from './http/my-requests.controller.js';

/** Residents' answers, receipts and access log; the portal's footage; staff access — for the api. */
@Module({
  imports: [ConsentModule],
  controllers: [MyRequestsController, ConsentsController, FootageController, AccessLogController, AdminRecordingsController],
})
export class ConsentHttpModule {}
