/**
 * What went wrong, in terms the HTTP layer maps to a status: not_found → 404, forbidden → 403,
 * conflict → 409, policy → 422 … Libs throw these (never HttpException) because the same code
 * runs in the api, the worker and the simulator.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'policy'
  | 'rate_limited'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, documented code, e.g. `POLICY_AREA_TOO_LARGE`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown, code = 'VALIDATION_FAILED') {
    super('validation', code, message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Authentication required', code = 'UNAUTHORIZED') {
    super('unauthorized', code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this', code = 'FORBIDDEN', details?: unknown) {
    super('forbidden', code, message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super('not_found', code, `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('conflict', code, message, details);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('unprocessable', code, message, details);
  }
}

/** A rule of the active policy was broken; `code` names the rule and `details` its limit. */
export class PolicyViolationError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('policy', code, message, details);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message = 'Too many attempts, try again later', details?: unknown) {
    super('rate_limited', 'RATE_LIMITED', message, details);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('unavailable', code, message, details);
  }
}

export const statusOfKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  policy: 422,
  rate_limited: 429,
  unavailable: 503,
};
