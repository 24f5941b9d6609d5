import { randomUUID } from 'node:crypto';
import { Clock } from '@app/clock';
import { Pipelines } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OUTBOX_PIPELINE, type OutboxEventPayloads, type OutboxEventType } from './outbox-event.js';

@Injectable()
export class OutboxService {
  constructor(
    private readonly clock: Clock,
    private readonly pipelines: Pipelines,
  ) {}

  /**
   * Records an event in the caller's transaction and returns its id; it is delivered only if that
   * transaction commits. Outside a transaction the event could outlive a rolled-back change (or
   * the change could commit without its event), so that is refused.
   */
  async publish<T extends OutboxEventType>(manager: EntityManager, type: T, payload: OutboxEventPayloads[T]): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`OutboxService.publish(${type}) must run inside the transaction of the change`);
    }
    const id = randomUUID();
    await manager.query('INSERT INTO outbox_event (id, type, payload, occurred_at) VALUES ($1, $2, $3, $4)', [id, type, payload, await this.clock.now(manager)]);
    this.pipelines.note(OUTBOX_PIPELINE);
    return id;
  }
}
