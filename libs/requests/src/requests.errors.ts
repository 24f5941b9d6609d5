import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '@app/errors';

/** Every error the requests context answers with (policy rules answer with their own, 422). */

export class RequestNotFoundError extends NotFoundError {
  constructor() {
    super('Footage request', 'REQUEST_NOT_FOUND');
  }
}

export class RequestNotOpenError extends ConflictError {
  constructor(status: string) {
    super('REQUEST_NOT_OPEN', `The request is ${status}, not open`, { status });
  }
}

export class AgencyMembershipRequiredError extends ForbiddenError {
  constructor() {
    super('Only members of an agency make footage requests');
  }
}

export class AreaOutsideJurisdictionError extends UnprocessableError {
  constructor() {
    super('AREA_OUTSIDE_JURISDICTION', "The area lies outside the agency's jurisdiction");
  }
}

export class RequestAlreadyReviewedError extends ConflictError {
  constructor(status: string) {
    super('REQUEST_ALREADY_REVIEWED', `This request is not waiting for review (${status})`, { status });
  }
}
