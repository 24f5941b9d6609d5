import { COUNT_PROPERTY, INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { ApiProperty } from '@nestjs/swagger';
import type { Notification } from '../notifications.repository.js';

const NOTIFICATION_CHANNELS = ['in-app', 'push', 'email'];

/**
 * An inbox item: the same shape over HTTP and in the socket's `notification` event. Titles and
 * bodies are the api's own sentences around an agency name and a case number, whose lengths the
 * api bounds (120 and 64 characters).
 */
export class NotificationResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ example: 'request.created', maxLength: 64, description: 'The event it tells of' }) type: string;
  @ApiProperty({ maxLength: 300 }) title: string;
  @ApiProperty({ maxLength: 1000 }) body: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { requestId: '…' } }) data: Record<string, unknown>;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) readAt: string | null;
  @ApiProperty({
    enum: NOTIFICATION_CHANNELS,
    isArray: true,
    uniqueItems: true,
    maxItems: NOTIFICATION_CHANNELS.length,
    example: ['in-app'],
    description: "Where it was sent: always in-app (this inbox and the live socket); push and email too where the request's policy said so",
  })
  channels: string[];
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse], maxItems: 100, description: 'Newest first; at most `limit`' }) items: NotificationResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Unread notifications in the whole inbox' }) unreadCount: number;
}

export class ReadAllResponse {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Notifications marked read by this call' }) updated: number;
}

export const toNotificationResponse = (notification: Notification): NotificationResponse => ({
  id: notification.id,
  type: notification.type,
  title: notification.title,
  body: notification.body,
  data: notification.data,
  createdAt: new Date(notification.createdAt).toISOString(),
  readAt: notification.readAt === null ? null : new Date(notification.readAt).toISOString(),
  channels: notification.channels,
});
