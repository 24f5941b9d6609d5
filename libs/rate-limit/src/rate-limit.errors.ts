import { RateLimitedError, ServiceUnavailableError } from '@app/errors';

/** Every error the rate limits answer with (besides the login limit's own message, in identity). */

/** Without its counters a limit cannot be enforced: the action is refused rather than unlimited. */
export class RateLimitUnavailableError extends ServiceUnavailableError {
  constructor() {
    super('RATE_LIMIT_UNAVAILABLE', 'This is unavailable for a moment; try again shortly');
  }
}

export class UserRateLimitedError extends RateLimitedError {
  constructor(action: string, retryAfterSeconds: number) {
    super(`Too many ${action} in a short time; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
