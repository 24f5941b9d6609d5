import { ValidationError } from '@app/errors';
import { Param, ParseUUIDPipe } from '@nestjs/common';

/** `:id` must be a UUID: anything else is a 400 (not a 404, and never a database error). */
export const RequestIdParam = (): ParameterDecorator =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () => new ValidationError('id must be a UUID', [{ field: 'id', problems: ['must be a UUID'] }], 'ID_INVALID'),
    }),
  );
