/** The queue of notification fan-out batches and what one job carries (ids and a keyset range only). */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const FAN_OUT_JOB = 'fan-out';

export interface FanOutJobData {
  eventId: string;
  type: string;
  requestId: string;
  agencyId: string;
  after: string | null;
  upTo: string | null;
}
