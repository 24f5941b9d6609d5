import type { AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import { encodePageCursor, keysetPage, parseCursor } from '@app/database';
import { Injectable } from '@nestjs/common';
import { NotificationsRepository, type Notification } from './notifications.repository.js';
import { NotificationNotFoundError } from './notifications.errors.js';

export interface InboxListQuery {
  unreadOnly: boolean;
  limit: number;
  cursor?: string;
}

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

  async list(user: AuthUser, { unreadOnly, limit, cursor }: InboxListQuery): Promise<NotificationPage> {
    const [rows, unreadCount] = await Promise.all([
      // One more than asked: whether it comes says if there is a next page.
      this.notifications.page(user.id, { unreadOnly, after: parseCursor(cursor), limit: limit + 1 }),
      this.notifications.unreadCount(user.id),
    ]);
    return { ...keysetPage(rows, limit, (last) => encodePageCursor({ at: last.createdAt, id: last.id })), unreadCount };
  }

  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.markRead(user.id, id, await this.clock.now());
    if (!notification) throw new NotificationNotFoundError();
    return notification;
  }

  async markAllRead(user: AuthUser): Promise<number> {
    return this.notifications.markAllRead(user.id, await this.clock.now());
  }
}
