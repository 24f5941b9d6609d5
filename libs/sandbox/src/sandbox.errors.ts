import { ServiceUnavailableError, UnauthorizedError, UnprocessableError, ValidationError } from '@app/errors';

/** Every error the sandbox answers with. */

export class SandboxKeyInvalidError extends UnauthorizedError {
  constructor() {
    super('A valid X-Sandbox-Key header is required', 'SANDBOX_KEY_INVALID');
  }
}

/** Redis did not answer: before the reset (nothing changed) or after the data was reset. */
export class SandboxRedisUnavailableError extends ServiceUnavailableError {
  constructor(dataReset: boolean) {
    super(
      'REDIS_UNAVAILABLE',
      dataReset
        ? 'The data was reset, but Redis stopped answering before the old jobs were cleared; reset again'
        : 'Redis is unreachable; nothing was reset',
    );
  }
}

export class SandboxBusyError extends ServiceUnavailableError {
  constructor(deadlineSeconds: number) {
    super('SANDBOX_BUSY', `The sandbox stayed busy for ${deadlineSeconds} s; nothing was reset`);
  }
}

export class ClockMoveAmbiguousError extends ValidationError {
  constructor() {
    super('Send exactly one of advanceSeconds or now');
  }
}

export class ClockBackwardsError extends UnprocessableError {
  constructor(current: Date) {
    super('CLOCK_BACKWARDS', 'Sandbox time cannot move backwards; reset the sandbox instead', { current: current.toISOString() });
  }
}

export class ClockLeapTooLongError extends ValidationError {
  constructor(maxSeconds: number) {
    super(`Sandbox time can move at most ${maxSeconds} seconds (five years) at once`);
  }
}
