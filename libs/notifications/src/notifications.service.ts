import { Clock } from '@app/clock';
import { decodePageCursor, encodePageCursor } from '@app/database';
import { NotFoundError, ValidationError } from '@app/errors';
import type { AuthUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { NotificationsRepository, type Notification } from './notifications.repository.js';

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** A user's inbox: read, page, mark read. Another user's notification answers like a missing one. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, unreadOnly: boolean, limit: number, cursor?: string): Promise<NotificationPage> {
    const after = cursor === undefined ? undefined : decodePageCursor(cursor);
    if (cursor !== undefined && after === undefined) {
      throw new ValidationError('cursor is not one this API returned', [{ field: 'cursor', problems: ['invalid'] }], 'CURSOR_INVALID');
    }
    const [rows, unreadCount] = await Promise.all([
      this.notifications.page(user.id, unreadOnly, after, limit + 1),
      this.notifications.unreadCount(user.id),
    ]);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, unreadCount, nextCursor: rows.length > limit && last ? encodePageCursor({ at: last.createdAt, id: last.id }) : null };
  }

  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.markRead(user.id, id, await this.clock.now());
    if (!notification) throw new NotFoundError('Notification', 'NOTIFICATION_NOT_FOUND');
    return notification;
  }

  async markAllRead(user: AuthUser): Promise<number> {
    return this.notifications.markAllRead(user.id, await this.clock.now());
  }
}
