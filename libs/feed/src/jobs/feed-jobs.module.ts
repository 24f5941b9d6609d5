import { OutboxHandlerRegistry, OutboxRelayModule } from '@app/outbox';
import { REQUEST_POSTED } from '@app/requests';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { FeedModule } from '../feed.module.js';
import { FeedService } from '../feed.service.js';

/** Renaming it would make redelivered events run it again (processed_event keys on it). */
const REQUEST_POST_HANDLER = 'feed.request-post';

@Injectable()
class RequestPostRegistration implements OnModuleInit {
  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly feed: FeedService,
  ) {}

  onModuleInit(): void {
    this.registry.register(REQUEST_POSTED, REQUEST_POST_HANDLER, async (event, manager) => {
      await this.feed.postRequest(event.payload.requestId, manager);
    });
  }
}

/** For the worker: Requests for Assistance written from the outbox. */
@Module({ imports: [FeedModule, OutboxRelayModule], providers: [RequestPostRegistration] })
export class FeedJobsModule {}
