import { Module } from '@nestjs/common';
import { NotificationsController } from './http/notifications.controller.js';
import { NotificationsModule } from './notifications.module.js';
import { RealtimeGateway } from './realtime/realtime.gateway.js';

/** The inbox routes and the `/realtime` socket.io gateway, for the api. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
  providers: [RealtimeGateway],
})
export class NotificationsHttpModule {}
