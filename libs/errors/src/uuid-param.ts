import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from './domain-error.js';

/** A route parameter that must be a UUID: anything else is a 400 (not a 404, never a database error). */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ValidationError(`${name} must be a UUID`, [{ field: name, problems: ['must be a UUID'] }], 'ID_INVALID'),
    }),
  );
