import { ForbiddenError, ServiceUnavailableError, UnauthorizedError } from '@app/errors';

/** Every error the queue board answers with (in the contract's shape, though it is not under /api). */

export class BoardTokenRequiredError extends UnauthorizedError {
  constructor(boardPath: string) {
    super(`An admin access token is required: Authorization: Bearer <token>, or open ${boardPath}?token=<token> in a browser`);
  }
}

export class BoardAdminOnlyError extends ForbiddenError {
  constructor() {
    super('Only admins may open the queue board');
  }
}

/** The board's reads would wait for Redis to come back; it answers at once instead. */
export class QueuesUnavailableError extends ServiceUnavailableError {
  constructor() {
    super('QUEUES_UNAVAILABLE', 'Redis is unreachable, so the queues cannot be read');
  }
}
