import { ConflictError, NotFoundError, RateLimitedError, UnauthorizedError } from '@app/errors';

/** Every error the identity context answers with. */

export class TokenExpiredError extends UnauthorizedError {
  constructor() {
    super('The access token has expired; log in again', 'TOKEN_EXPIRED');
  }
}

export class TokenInvalidError extends UnauthorizedError {
  constructor(message = 'The access token is not valid') {
    super(message, 'TOKEN_INVALID');
  }
}

export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    // One message for an unknown email and a wrong password: no hint which accounts exist.
    super('Email or password is wrong', 'INVALID_CREDENTIALS');
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('User', 'USER_NOT_FOUND');
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this email already exists');
  }
}

/** The configured admin's email belongs to someone else: never promote that account. */
export class AdminEmailTakenError extends ConflictError {
  constructor(email: string) {
    super('ADMIN_EMAIL_TAKEN', `${email} belongs to a user who is not an admin`);
  }
}

export class LoginRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(`Too many login attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

