import type { WorldStamp } from '@app/world';
import type { EntityManager } from 'typeorm';

export const OUTBOX_QUEUE = 'outbox';
/** The outbox's inline pipeline (PIPELINES=inline): publishing notes work for it. */
export const OUTBOX_PIPELINE = 'outbox';

/**
 * Every event type and its payload. Empty here: each context adds its own events in its
 * `<context>.events.ts` (`declare module '@app/outbox'`), so the outbox knows none of them, and
 * publishing an event with the wrong payload, or a handler reading a field its event does not
 * carry, does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface OutboxEventPayloads {}

export type OutboxEventType = keyof OutboxEventPayloads & string;

export interface OutboxEvent<T extends OutboxEventType = OutboxEventType> {
  id: string;
  type: T;
  payload: OutboxEventPayloads[T];
  /** The sandbox world the event happened in: jobs a handler queues carry it on (libs/world). */
  world: number;
  /**
   * When the change happened, in the world's time. Handlers run later and in any order, so what
   * they date (a notice) takes this instant.
   */
  occurredAt: Date;
}

/** What the relay puts on the `outbox` queue (job name = type, job id = event id). */
export interface OutboxJobData extends WorldStamp {
  eventId: string;
  type: OutboxEventType;
  payload: OutboxEventPayloads[OutboxEventType];
  /** ISO time (jobs are JSON); absent on a job queued before events recorded it. */
  occurredAt?: string;
}

/** A consumer's effect, run inside its own transaction (`manager`), at most once per event. */
export type OutboxHandler<T extends OutboxEventType = OutboxEventType> = (event: OutboxEvent<T>, manager: EntityManager) => Promise<void>;
