import type { WorldStamp } from '@app/world';
import type { NotifiedEvent } from '../domain/notification-specs.js';

/**
 * The queue of notification fan-out batches and what one job carries: ids, a keyset range, and
 * the message. Unlike other jobs it carries text: the message is what the event said when it
 * happened, written once when the event is planned, instead of every batch re-reading the
 * request and its counts (a recount per batch grows with the square of the audience).
 */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const FAN_OUT_JOB = 'fan-out';

export interface FanOutJobData extends WorldStamp {
  eventId: string;
  type: NotifiedEvent;
  requestId: string;
  agencyId: string;
  overrideId: string | null;
  after: string | null;
  upTo: string | null;
  title: string;
  body: string;
  /** Where each notification of the batch goes (in-app, and the request's notice channels). */
  channels: string[];
  /** ISO time the event happened, which dates every notice of it; absent on jobs queued before. */
  occurredAt?: string;
}
