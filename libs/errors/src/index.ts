export * from './domain-error.js';
export { AllExceptionsFilter, routerErrorHandler } from './all-exceptions.filter.js';
export { ErrorBody, errorBody } from './error-body.js';
export { mapError } from './error-mapping.js';
export { createValidationPipe, Omittable, RejectNulCharactersPipe, type FieldProblem } from './validation.js';
export { UuidParam } from './uuid-param.js';
