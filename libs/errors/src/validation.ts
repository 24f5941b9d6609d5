import { ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { ValidationError } from './domain-error.js';
import type { FieldProblem } from './error-body.js';

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

/**
 * A body field that may be left out. Unlike `@IsOptional()`, which skips null as well, null is a
 * value here and meets the field's other rules (so `{"label": null}` is a 400 naming the field,
 * not an absent label that reaches the database as NULL).
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Where in a value a string holds U+0000, as a dotted field path ('' for the value itself). */
function nulCharacterAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nulCharacterAt(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000, so a string with one would fail in the statement that
 * stores or compares it (a 500). Refused here instead, in every body, query and path value,
 * before validation: a 400 NUL_CHARACTER naming the field.
 */
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // What a client sent, never what the framework hands a handler (a socket, with its cycles).
    if (metadata.type === 'custom') return value;
    const field = nulCharacterAt(value, metadata.data ?? '');
    if (field !== undefined) {
      const name = field || metadata.type;
      throw new ValidationError(`${name} contains a NUL character (U+0000)`, [{ field: name, problems: ['contains U+0000'] }], 'NUL_CHARACTER');
    }
    return value;
  }
}
