import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBody } from './error-body.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const UNAVAILABLE =
  'DATABASE_UNAVAILABLE or REDIS_UNAVAILABLE: a service the api needs does not answer; REQUEST_TIMEOUT: no answer within ' +
  'HTTP_REQUEST_TIMEOUT_MS. A Retry-After header says how many seconds to wait before trying again (with the same Idempotency-Key, for a creating POST)';

/**
 * Documents the 503 any route may answer, whatever it does: a dependency down, or an answer too
 * slow. A pass over the finished document rather than a decorator per route, because no route can
 * opt out of it; a route that documents its own 503 keeps its description, with these added.
 * Retry-After is told in words, not declared as a header: a declared header would have the
 * OWASP ruleset ask for CORS headers the api deliberately does not send by default.
 */
export function documentUnavailableAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (operation === undefined) continue;
      const own = operation.responses['503'] as { description?: string } | undefined;
      operation.responses['503'] = {
        description: own?.description ? `${own.description}; ${UNAVAILABLE}` : UNAVAILABLE,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
      };
    }
  }
  return document;
}
