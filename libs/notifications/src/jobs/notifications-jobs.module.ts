import { FeedModule, POST_PUBLISHED } from '@app/feed';
import { OutboxHandlerRegistry, OutboxRelayModule } from '@app/outbox';
import { WorldModule } from '@app/world';
import { BullModule } from '@nestjs/bullmq';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NOTIFICATION_SPECS, type NotifiedEvent } from '../domain/notification-specs.js';
import { FanOutService } from '../fan-out.service.js';
import { FeedPushService } from '../feed-push.service.js';
import { NotificationsRepository } from '../notifications.repository.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { NOTIFICATIONS_QUEUE } from './fan-out.js';
import { NotificationsIdleCheck } from './notifications-idle-check.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { PersonalNoticeService } from '../personal-notice.service.js';
import { personallyNotifiedEvents } from '../personal-notices.js';

/** Renaming them would make redelivered events run again (processed_event keys on them). */
const PLAN_HANDLER = 'notifications.plan';
const PERSONAL_HANDLER = 'notifications.personal';
const FEED_PUSH_HANDLER = 'notifications.feed-push';

@Injectable()
class FanOutRegistration implements OnModuleInit {
  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly fanOut: FanOutService,
    private readonly personal: PersonalNoticeService,
    private readonly feedPush: FeedPushService,
  ) {}

  onModuleInit(): void {
    // Registering needs each name to be an outbox event a context declares: a spec for an event
    // nobody publishes, or with a payload lacking requestId/agencyId, does not compile.
    for (const type of Object.keys(NOTIFICATION_SPECS) as NotifiedEvent[]) {
      this.registry.register(type, PLAN_HANDLER, (event, manager) => this.fanOut.plan(event, manager));
    }
    for (const type of personallyNotifiedEvents()) {
      this.registry.register(type, PERSONAL_HANDLER, (event, manager) => this.personal.deliver(event, manager));
    }
    this.registry.register(POST_PUBLISHED, FEED_PUSH_HANDLER, (event, manager) => this.feedPush.push(event.payload.postId, manager));
  }
}

/**
 * For the worker: outbox events → fan-out batches → inbox rows + socket pushes; personal notices →
 * one row + push; new feed posts → every api process, for its subscribers in the area.
 */
@Module({
  imports: [
    OutboxRelayModule,
    FeedModule,
    WorldModule,
    RealtimeModule,
    BullModule.registerQueue({
      name: NOTIFICATIONS_QUEUE,
      defaultJobOptions: {
        attempts: 10,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        // Failed jobs are never dropped: they are the dead letters an operator inspects and retries.
        removeOnFail: false,
      },
    }),
  ],
  providers: [NotificationsRepository, FanOutService, PersonalNoticeService, FeedPushService, NotificationsProcessor, FanOutRegistration, NotificationsIdleCheck],
})
export class NotificationsJobsModule {}
