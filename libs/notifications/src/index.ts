export { NOTIFICATION_SPECS, type Audience } from './domain/notification-specs.js';
export { NotificationResponse } from './dto/notification.response.js';
export { FAN_OUT_JOB, NOTIFICATIONS_QUEUE, type FanOutJobData } from './jobs/fan-out.js';
export { FanOutService } from './fan-out.service.js';
export { NotificationsJobsModule } from './jobs/notifications-jobs.module.js';
export { NotificationsHttpModule } from './notifications-http.module.js';
export { NotificationsModule } from './notifications.module.js';
export type { Notification } from './notifications.repository.js';
export { NotificationsService } from './notifications.service.js';
export {
  agencyRoom,
  NOTIFICATION_EVENT,
  REALTIME_NAMESPACE,
  realtimeKey,
  REQUEST_UPDATED_EVENT,
  userRoom,
} from './realtime/realtime-rooms.js';
export { RealtimeEmitter } from './realtime/realtime-emitter.js';
export { RealtimeModule } from './realtime/realtime.module.js';
export { RedisIoAdapter } from './realtime/redis-io.adapter.js';
