import { ForbiddenError, UnauthorizedError } from '@app/errors';

/** What the guards answer before any context runs (token problems are identity's: identity.errors.ts). */

export class AccessTokenRequiredError extends UnauthorizedError {
  constructor() {
    super('An access token is required (Authorization: Bearer <token>)');
  }
}

export class RoleForbiddenError extends ForbiddenError {
  constructor(required: readonly string[]) {
    super(`Only ${required.join(' or ')} may do this`, 'FORBIDDEN', { requiredRoles: required });
  }
}
