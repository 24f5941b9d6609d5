import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError } from './domain-error.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ClassValidatorError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return own.concat(flatten(error.children ?? [], field));
  });
}

/**
 * Unknown fields are rejected (not silently dropped) so that a typo in a client is a 400 the
 * client sees, and every invalid field is named in `details`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ValidationError(
        fields.map((field) => field.problems.join(', ')).join('; ') || 'Invalid input',
        fields,
      );
    },
  });
}
