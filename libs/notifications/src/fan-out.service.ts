import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import type { OutboxEvent } from '@app/outbox';
import { Pipelines } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { batchRanges, channelsOf, NOTIFICATION_SPECS, type NotifiedEvent } from './domain/notification-specs.js';
import { toNotificationResponse } from './dto/notification.response.js';
import { FAN_OUT_JOB, NOTIFICATIONS_QUEUE, type FanOutJobData } from './jobs/fan-out.js';
import { NotificationsRepository } from './notifications.repository.js';
import { RealtimeEmitter } from './realtime/realtime-emitter.js';
import { NOTIFICATION_EVENT, REQUEST_UPDATED_EVENT } from './notifications.events.js';
import { agencyRoom, userRoom } from './realtime/realtime-rooms.js';

/**
 * Worker side of notifications: an outbox event becomes batches of at most NOTIFICATION_BATCH_SIZE
 * recipients, each a BullMQ job whose id is the event id and batch number (so planning twice
 * queues nothing twice); a batch is one INSERT, then a push to each new row's user.
 */
@Injectable()
export class FanOutService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
    private readonly emitter: RealtimeEmitter,
    private readonly config: AppConfig,
    private readonly pipelines: Pipelines,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<FanOutJobData>,
  ) {}

  /**
   * The outbox handler: writes the event's message once, plans and queues its batches (inline:
   * runs its one batch), and tells the agency room of the new counts.
   */
  async plan(event: OutboxEvent<NotifiedEvent>, manager: EntityManager): Promise<void> {
    const spec = NOTIFICATION_SPECS[event.type];
    const { requestId, agencyId } = event.payload;
    const overrideId = 'overrideId' in event.payload ? event.payload.overrideId : null;
    const request = await this.notifications.requestSummary(manager, requestId);
    if (!request) return;
    const message = spec.message(request);
    const channels = channelsOf(spec, request);
    const batch = (range: { after: string | null; upTo: string | null }): FanOutJobData => ({
      eventId: event.id,
      type: event.type,
      requestId,
      agencyId,
      overrideId,
      ...range,
      ...message,
      channels,
      occurredAt: event.occurredAt.toISOString(),
      world: event.world,
    });
    if (this.pipelines.inline) {
      // Inline pipelines queue nothing, so there is no job to keep small: the whole audience is
      // one batch, run here in this handler's transaction (an empty audience inserts nothing).
      await this.runBatch(batch({ after: null, upTo: null }), manager);
    } else {
      const { total, boundaries } = await this.notifications.batchBoundaries(manager, spec.audience, requestId, agencyId, overrideId, this.config.notifications.batchSize);
      if (total > 0) {
        await this.queue.addBulk(batchRanges(boundaries).map((range, index) => ({ name: FAN_OUT_JOB, data: batch(range), opts: { jobId: `${event.id}-${index}` } })));
      }
    }
    // State, not a delta: a repeat after a retry tells the agency nothing new, and nothing wrong.
    if (spec.updatesAgency) this.emitter.emit(agencyRoom(agencyId), REQUEST_UPDATED_EVENT, { id: request.id, status: request.status, counts: request.counts });
  }

  /**
   * One batch: its rows in one transaction, then a push per row created. A batch run again
   * (retry, crash, duplicate job) creates no row and so pushes nothing: every user gets one
   * inbox row and at most one push per event; the inbox is the record a client resyncs from.
   * Rows are dated when the event happened: batches of different events run concurrently, and a
   * request's "closed" notice must not come before its "created" one.
   * `manager` is the connection holding the job's world, so the pushes too happen before any reset.
   */
  async runBatch(job: FanOutJobData, manager: EntityManager): Promise<number> {
    const spec = NOTIFICATION_SPECS[job.type];
    const insert = async (tx: EntityManager) => {
      const createdAt = job.occurredAt === undefined ? await this.clock.now(tx) : new Date(job.occurredAt);
      return this.notifications.insertBatch(tx, { ...job, audience: spec.audience, createdAt });
    };
    // Inline, the batch runs in the planning handler's transaction, which already makes it all or nothing.
    const created = manager.queryRunner?.isTransactionActive ? await insert(manager) : await manager.transaction(insert);
    for (const notification of created) this.emitter.emit(userRoom(notification.userId), NOTIFICATION_EVENT, toNotificationResponse(notification));
    return created.length;
  }
}
