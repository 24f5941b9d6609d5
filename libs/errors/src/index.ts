export * from './domain-error.js';
export { AllExceptionsFilter, routerErrorHandler, sendError } from './all-exceptions.filter.js';
export { ApiBodyErrors } from './api-body-errors.js';
export * from './api-properties.js';
export { ErrorBody, errorBody, type FieldProblem } from './error-body.js';
export { mapError } from './error-mapping.js';
export { createValidationPipe, Omittable, RejectNulCharactersPipe } from './validation.js';
export { UuidParam } from './uuid-param.js';
export { documentUnavailableAnswers } from './unavailable-answers.js';
