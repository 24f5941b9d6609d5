import { ServiceUnavailableError } from '@app/errors';

/** Readiness failed: `details` keeps terminus's verdict per service, so a probe sees which is down. */
export class NotReadyError extends ServiceUnavailableError {
  constructor(down: string[], details: Record<string, { status: string }>) {
    super('NOT_READY', `Not ready: ${down.join(' and ')} unreachable`, details);
  }
}
