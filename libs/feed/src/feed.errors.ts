import { ConflictError, DomainError, NotFoundError } from '@app/errors';

/** Every error the feed context answers with. */

export class PostNotFoundError extends NotFoundError {
  constructor() {
    super('Post', 'POST_NOT_FOUND');
  }
}

/** Recordings a resident attaches must be their own; others' are "not found" (never "not yours"). */
export class PostRecordingsNotFoundError extends DomainError {
  constructor(recordingIds: string[]) {
    super('not_found', 'RECORDING_NOT_FOUND', 'Recording not found', { recordingIds });
  }
}

export class PostAlreadyReportedError extends ConflictError {
  constructor() {
    super('POST_ALREADY_REPORTED', 'You already reported this post');
  }
}

export class PostAlreadyDecidedError extends ConflictError {
  constructor(decision: string) {
    super('POST_ALREADY_DECIDED', `A moderator already decided on this post (${decision})`, { decision });
  }
}
