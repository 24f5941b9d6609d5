import { ConflictError, UnprocessableError, ValidationError } from '@app/errors';

export class IdempotencyKeyInvalidError extends ValidationError {
  constructor() {
    super('Idempotency-Key must be one header of 1 to 255 characters', undefined, 'IDEMPOTENCY_KEY_INVALID');
  }
}

export class IdempotencyBodyInvalidError extends ValidationError {
  constructor() {
    super('A body sent with an Idempotency-Key must be valid Unicode', undefined, 'IDEMPOTENCY_BODY_INVALID');
  }
}

export class IdempotencyKeyReusedError extends UnprocessableError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with another body or route');
  }
}

export class IdempotencyInProgressError extends ConflictError {
  constructor() {
    super('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
  }
}
