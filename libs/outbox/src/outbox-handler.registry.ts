import { Injectable } from '@nestjs/common';
import type { OutboxHandler } from './outbox-event.js';

export interface RegisteredHandler {
  /** Stable name: it is stored in processed_event, so renaming one re-runs it on redelivery. */
  name: string;
  handle: OutboxHandler;
}

/** Consumers register here in onModuleInit; the outbox processor starts only after that. */
@Injectable()
export class OutboxHandlerRegistry {
  private readonly byType = new Map<string, RegisteredHandler[]>();

  register(type: string, handlerName: string, handle: OutboxHandler): void {
    const handlers = this.byType.get(type) ?? [];
    // Two handlers sharing a name would share one processed_event row: the second would never run.
    if (handlers.some((handler) => handler.name === handlerName)) {
      throw new Error(`outbox handler "${handlerName}" is already registered for ${type}`);
    }
    this.byType.set(type, [...handlers, { name: handlerName, handle }]);
  }

  handlersFor(type: string): readonly RegisteredHandler[] {
    return this.byType.get(type) ?? [];
  }
}
