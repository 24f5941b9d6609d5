import { NotFoundError, UnprocessableError, ValidationError } from '@app/errors';
import type { RecordingProblem } from './domain/recording-rules.js';

/**
 * Every error the cameras context answers with. Another owner's camera is "not found" through
 * `assertOwned` (libs/auth), with the same message as CameraNotFoundError.
 */

export class CameraNotFoundError extends NotFoundError {
  constructor() {
    super('Camera');
  }
}

export class RecordingNotFoundError extends NotFoundError {
  constructor() {
    super('Recording', 'RECORDING_NOT_FOUND');
  }
}

export class CameraChangeEmptyError extends ValidationError {
  constructor() {
    super('Give a label and/or a location', [{ field: 'label', problems: ['a label or a location is required'] }]);
  }
}

export class PrivacyChangeEmptyError extends ValidationError {
  constructor(fields: readonly string[]) {
    super('Give at least one setting to change', [{ field: 'policeRequests', problems: [`one of ${fields.join(', ')} is required`] }]);
  }
}

/** A clip whose times contradict each other (400), as opposed to one a rule refuses (422). */
export class RecordingTimesInvalidError extends ValidationError {
  constructor(problem: RecordingProblem) {
    super(problem.message, [{ field: 'endedAt', problems: [problem.message] }], problem.code);
  }
}

export class RecordingRefusedError extends UnprocessableError {
  constructor(problem: RecordingProblem) {
    super(problem.code, problem.message, problem.details);
  }
}
