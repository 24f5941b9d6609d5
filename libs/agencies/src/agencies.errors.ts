import { ForbiddenError, NotFoundError } from '@app/errors';

/** Every error the agencies context answers with. */

export class AgencyNotFoundError extends NotFoundError {
  constructor() {
    super('Agency', 'AGENCY_NOT_FOUND');
  }
}

export class MemberAdditionForbiddenError extends ForbiddenError {
  constructor() {
    super('Only admins and agency admins add officers');
  }
}
