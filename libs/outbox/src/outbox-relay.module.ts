import { WorldModule } from '@app/world';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Logger, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { OutboxProcessor } from './jobs/outbox.processor.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { OUTBOX_QUEUE } from './outbox-event.js';
import { OutboxIdleCheck } from './outbox-idle-check.js';
import { OutboxHandlerRegistry } from './outbox-handler.registry.js';
import { OutboxModule } from './outbox.module.js';
import { OutboxRelay } from './outbox-relay.js';

/**
 * Worker side: the relay loop, the `outbox` queue and its processor. Consumers import this module
 * to reach OutboxHandlerRegistry.
 */
@Module({
  imports: [
    OutboxModule,
    WorldModule,
    BullModule.registerQueue({
      name: OUTBOX_QUEUE,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        // A day of completed jobs lets BullMQ drop a re-relayed duplicate by its job id; the
        // processed_event guard covers anything later. Failed jobs stay a week for inspection.
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    }),
  ],
  providers: [OutboxRelay, OutboxHandlerRegistry, OutboxDispatcher, OutboxProcessor, OutboxIdleCheck],
  exports: [OutboxRelay, OutboxHandlerRegistry],
})
export class OutboxRelayModule {
  /**
   * Without a listener BullMQ prints connection errors with console.error. Attached here, as the
   * queue is created, rather than in the relay, which waits for the database to connect first.
   * While Redis is away these repeat; the relay's failed rounds are what operators need to see.
   */
  constructor(@InjectQueue(OUTBOX_QUEUE) queue: Queue) {
    const logger = new Logger(OutboxRelayModule.name);
    queue.on('error', (error) => logger.debug({ err: error }, 'outbox queue connection error'));
  }
}
