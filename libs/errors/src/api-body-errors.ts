import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiBadRequestResponse, ApiPayloadTooLargeResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { ErrorBody } from './error-body.js';

/** The methods whose requests Fastify reads a body of, whether or not the handler wants one. */
const BODY_METHODS: RequestMethod[] = [RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE];

const BODY_ERRORS: MethodDecorator[] = [
  ApiBadRequestResponse({ type: ErrorBody, description: 'MALFORMED_JSON: the body is not JSON; NUL_CHARACTER: a string holds U+0000' }),
  ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'PAYLOAD_TOO_LARGE: the body is over 1 MiB' }),
  ApiUnsupportedMediaTypeResponse({ type: ErrorBody, description: 'UNSUPPORTED_MEDIA_TYPE: a body that is not application/json' }),
];

/**
 * Documents, on every route of the controller that takes a body (by its HTTP method), the
 * answers given before its handler runs: Fastify's 400/413/415 and the NUL-character check.
 * A decorator on the controller rather than a pass over the finished document: each route's
 * documentation stays in its own metadata, added to (never replacing) the route's other 400s,
 * and a route added later is covered the day it is written.
 */
export const ApiBodyErrors = (): ClassDecorator => (target) => {
  for (const key of Object.getOwnPropertyNames(target.prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(target.prototype, key)!;
    const method = typeof descriptor.value === 'function' ? Reflect.getMetadata(METHOD_METADATA, descriptor.value) : undefined;
    if (BODY_METHODS.includes(method)) for (const document of BODY_ERRORS) document(target.prototype, key, descriptor);
  }
};
