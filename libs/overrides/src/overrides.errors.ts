import { ConflictError, NotFoundError, UnprocessableError } from '@app/errors';

/** Every error the overrides context answers with (besides the requests' 404 and the policy's POLICY_WARRANT_PATH_CLOSED). */

export class OverrideNotFoundError extends NotFoundError {
  constructor() {
    super('Override', 'OVERRIDE_NOT_FOUND');
  }
}

export class WarrantReferenceRequiredError extends UnprocessableError {
  constructor() {
    super('OVERRIDE_WARRANT_REFERENCE_REQUIRED', 'A warrant override names its warrant: give warrantReference');
  }
}

export class CamerasOutsideAreaError extends UnprocessableError {
  constructor(cameraIds: string[]) {
    super('OVERRIDE_CAMERAS_OUTSIDE_AREA', "Every camera named must lie in the request's area", { cameraIds });
  }
}

export class RequestNotApprovedError extends ConflictError {
  constructor(status: string) {
    super('REQUEST_NOT_APPROVED', `The request is ${status}: nothing may be claimed through a request a moderator has not approved`, { status });
  }
}

export class OverrideAlreadyDecidedError extends ConflictError {
  constructor(status: string) {
    super('OVERRIDE_ALREADY_DECIDED', `This override was already decided (${status})`, { status });
  }
}

export class WarrantUncheckedError extends UnprocessableError {
  constructor() {
    super('OVERRIDE_WARRANT_UNCHECKED', 'A warrant is approved only once checked: send warrantChecked: true');
  }
}
