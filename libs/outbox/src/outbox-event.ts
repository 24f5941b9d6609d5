import type { WorldStamp } from '@app/world';
import type { EntityManager } from 'typeorm';

export const OUTBOX_QUEUE = 'outbox';

export interface OutboxEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  /** The sandbox world the event happened in: jobs a handler queues carry it on (libs/world). */
  world: number;
}

/** What the relay puts on the `outbox` queue (job name = type, job id = event id). */
export interface OutboxJobData extends WorldStamp {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** A consumer's effect, run inside its own transaction (`manager`), at most once per event. */
export type OutboxHandler = (event: OutboxEvent, manager: EntityManager) => Promise<void>;
