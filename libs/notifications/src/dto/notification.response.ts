import { ApiProperty } from '@nestjs/swagger';
import type { Notification } from '../notifications.repository.js';

/** An inbox item: the same shape over HTTP and in the socket's `notification` event. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'request.created', description: 'The event it tells of' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ example: { requestId: '…' } }) data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first' }) items: NotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread notifications in the whole inbox' }) unreadCount: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'Notifications marked read by this call' }) updated: number;
}

export const toNotificationResponse = (notification: Notification): NotificationResponse => ({
  id: notification.id,
  type: notification.type,
  title: notification.title,
  body: notification.body,
  data: notification.data,
  createdAt: new Date(notification.createdAt).toISOString(),
  readAt: notification.readAt === null ? null : new Date(notification.readAt).toISOString(),
});
