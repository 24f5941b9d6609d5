import { Injectable } from '@nestjs/common';
import type { OutboxEventType, OutboxHandler } from './outbox-event.js';

export interface RegisteredHandler {
  /** Stable name: it is stored in processed_event, so renaming one re-runs it on redelivery. */
  name: string;
  handle: OutboxHandler;
}

/** Consumers register here in onModuleInit; the outbox processor starts only after that. */
@Injectable()
export class OutboxHandlerRegistry {
  private readonly byType = new Map<string, RegisteredHandler[]>();

  register<T extends OutboxEventType>(type: T, handlerName: string, handle: OutboxHandler<T>): void {
    const handlers = this.byType.get(type) ?? [];
    // Two handlers sharing a name would share one processed_event row: the second would never run.
    if (handlers.some((handler) => handler.name === handlerName)) {
      throw new Error(`outbox handler "${handlerName}" is already registered for ${type}`);
    }
    // Stored by type, so it is only ever called with events of `type`: the widening is safe.
    this.byType.set(type, [...handlers, { name: handlerName, handle: handle as OutboxHandler }]);
  }

  handlersFor(type: string): readonly RegisteredHandler[] {
    return this.byType.get(type) ?? [];
  }
}
