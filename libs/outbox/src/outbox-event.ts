import type { EntityManager } from 'typeorm';

export const OUTBOX_QUEUE = 'outbox';

export interface OutboxEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** What the relay puts on the `outbox` queue (job name = type, job id = event id). */
export interface OutboxJobData {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** A consumer's effect, run inside its own transaction (`manager`), at most once per event. */
export type OutboxHandler = (event: OutboxEvent, manager: EntityManager) => Promise<void>;
