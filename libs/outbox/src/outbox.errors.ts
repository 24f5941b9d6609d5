import { ServiceUnavailableError } from '@app/errors';

/** The relay could not hand events to Redis; they stay unsent in outbox_event and go next round. */
export class OutboxEnqueueFailedError extends ServiceUnavailableError {
  constructor(message: string) {
    super('OUTBOX_ENQUEUE_FAILED', message);
  }
}
