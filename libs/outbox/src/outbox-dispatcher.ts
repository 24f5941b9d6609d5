import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from './outbox-event.js';
import { OutboxHandlerRegistry, type RegisteredHandler } from './outbox-handler.registry.js';

/** Runs every handler of an event at most once, however often the event is delivered. */
@Injectable()
export class OutboxDispatcher {
  constructor(private readonly registry: OutboxHandlerRegistry) {}

  /**
   * Each handler gets its own transaction, so one failing handler neither undoes nor repeats the
   * others: the job fails, BullMQ retries it, and only the handlers without a processed_event row
   * run again. The transactions go through `manager`: the connection that holds the event's world.
   */
  async dispatch(event: OutboxEvent, manager: EntityManager): Promise<void> {
    const failed: { handler: string; error: unknown }[] = [];
    for (const handler of this.registry.handlersFor(event.type)) {
      try {
        await this.runOnce(event, handler, manager);
      } catch (error) {
        failed.push({ handler: handler.name, error });
      }
    }
    if (failed.length > 0) {
      throw new AggregateError(
        failed.map((failure) => failure.error),
        `outbox ${event.type} ${event.id}: handler(s) ${failed.map((failure) => failure.handler).join(', ')} failed`,
      );
    }
  }

  /**
   * Inline delivery (PIPELINES=inline): every handler in the caller's transaction, the one that
   * also marks the event sent. A failure undoes them all and the mark, so the next drain delivers
   * the event again and each handler still runs once; it saves a transaction per handler.
   */
  async dispatchWithin(event: OutboxEvent, tx: EntityManager): Promise<void> {
    for (const handler of this.registry.handlersFor(event.type)) await this.claimAndHandle(event, handler, tx);
  }

  private runOnce(event: OutboxEvent, handler: RegisteredHandler, manager: EntityManager): Promise<void> {
    return manager.transaction((tx) => this.claimAndHandle(event, handler, tx));
  }

  private async claimAndHandle(event: OutboxEvent, handler: RegisteredHandler, tx: EntityManager): Promise<void> {
    // A concurrent duplicate blocks on this row until the first commits, then finds it taken.
    const claimed: unknown[] = await tx.query(
      `INSERT INTO processed_event (event_id, handler) VALUES ($1, $2)
       ON CONFLICT (event_id, handler) DO NOTHING RETURNING event_id`,
      [event.id, handler.name],
    );
    if (claimed.length === 0) return;
    await handler.handle(event, tx);
  }
}
