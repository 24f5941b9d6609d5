import { ConflictError, NotFoundError, UnprocessableError } from '@app/errors';
import type { ShareChoice } from './domain/share-choice.js';

/**
 * Every error the consent context answers with, besides those of the requests it answers
 * (RequestNotFoundError, RequestNotOpenError) and cameras' RecordingNotFoundError.
 */

export class ConsentNotFoundError extends NotFoundError {
  constructor() {
    super('Consent', 'CONSENT_NOT_FOUND');
  }
}

export class ConsentAlreadyDecidedError extends ConflictError {
  constructor(state: string) {
    super('CONSENT_ALREADY_DECIDED', `This request was already answered (${state})`, { state });
  }
}

export class ConsentNotWithdrawableError extends ConflictError {
  constructor(state: string) {
    super('CONSENT_NOT_WITHDRAWABLE', `Only a given consent can be withdrawn (this one is ${state})`, { state });
  }
}

/** The recordings named do not fit what was offered (codes in domain/share-choice.ts). */
export class ShareChoiceRefusedError extends UnprocessableError {
  constructor(choice: Extract<ShareChoice, { ok: false }>) {
    super(choice.code, choice.message, choice.details);
  }
}
