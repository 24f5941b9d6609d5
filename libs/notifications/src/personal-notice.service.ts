import type { OutboxEvent, OutboxEventType } from '@app/outbox';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toNotificationResponse } from './dto/notification.response.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NOTIFICATION_EVENT } from './notifications.events.js';
import { PERSONAL_NOTICES } from './personal-notices.js';
import { RealtimeEmitter } from './realtime/realtime-emitter.js';
import { userRoom } from './realtime/realtime-rooms.js';

/**
 * Worker side of a personal notice: the outbox handler writes its one inbox row (once per event:
 * the row is keyed by event and user) and pushes it to the user's room when it was new.
 */
@Injectable()
export class PersonalNoticeService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly emitter: RealtimeEmitter,
  ) {}

  async deliver<Event extends OutboxEventType>(event: OutboxEvent<Event>, manager: EntityManager): Promise<void> {
    const notice = PERSONAL_NOTICES[event.type]?.(event.payload);
    if (!notice) return;
    const created = await this.notifications.insertOne(manager, { ...notice, eventId: event.id, type: event.type, createdAt: event.occurredAt });
    if (created) this.emitter.emit(userRoom(created.userId), NOTIFICATION_EVENT, toNotificationResponse(created));
  }
}
