import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiParam, ApiUriTooLongResponse, DECORATORS } from '@nestjs/swagger';
import { ValidationError } from './domain-error.js';
import { ErrorBody } from './error-body.js';

/**
 * A route parameter that must be a UUID: anything else is a 400 (not a 404, never a database
 * error). Declares and documents it in one place: the parameter's schema, the 400, and the 414
 * Fastify's router answers before any of this runs when a parameter is over 100 characters.
 */
export const UuidParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(
      name,
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new ValidationError(`${name} must be a UUID`, [{ field: name, problems: ['must be a UUID'] }], 'ID_INVALID'),
      }),
    )(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiParam({ name, schema: { type: 'string', format: 'uuid', maxLength: 36 } })(target, key!, descriptor);
    ApiBadRequestResponse({ type: ErrorBody, description: `ID_INVALID: ${name} is not a UUID` })(target, key!, descriptor);
    // The router's answers concern the whole path: documented once, however many ids it holds.
    if (Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value)?.[414]) return;
    ApiBadRequestResponse({ type: ErrorBody, description: 'BAD_URL: the path cannot be decoded' })(target, key!, descriptor);
    ApiUriTooLongResponse({ type: ErrorBody, description: 'URI_TOO_LONG: a path parameter over 100 characters' })(target, key!, descriptor);
  };
