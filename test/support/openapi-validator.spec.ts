import { describe, expect, it } from '@jest/globals';
import { createOpenApiValidator, documentedRoutes, matchRoute, toJsonSchema, type OpenApiDocument } from './openapi-validator.js';

const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
const document: OpenApiDocument = {
  paths: {
    '/health': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } } } },
    '/api/agencies/{id}': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Agency' } } } }, 404: error } } },
    '/api/agencies/map': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } } },
    '/api/cameras/{id}': { delete: { responses: { 204: {}, 404: error } } },
    '/api/auth/login': {
      post: {
        responses: {
          429: { ...error, headers: { 'Retry-After': { required: true, schema: { type: 'integer', minimum: 1 } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Agency: {
        type: 'object',
        required: ['id', 'closedAt'],
        properties: { id: { type: 'string', format: 'uuid' }, closedAt: { type: 'string', format: 'date-time', nullable: true } },
      },
      ErrorBody: {
        type: 'object',
        required: ['statusCode', 'requestId'],
        properties: { statusCode: { type: 'integer', example: 404 }, requestId: { type: 'string' } },
      },
    },
  },
};
const routes = documentedRoutes(document);
const validate = createOpenApiValidator(document);
const json = { 'content-type': 'application/json; charset=utf-8' };
const ID = '6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a';
const notFound = { statusCode: 404, requestId: 'r-1' };

describe('matching a request to the documented operation', () => {
  it('prefers a static segment to a parameter, as the router does', () => {
    expect(matchRoute(routes, 'GET', '/api/agencies/map?zip=62701')?.template).toBe('/api/agencies/map');
    expect(matchRoute(routes, 'get', `/api/agencies/${ID}`)?.template).toBe('/api/agencies/{id}');
  });

  it('finds the paths outside /api, and nothing for another method, a deeper path or a trailing slash', () => {
    expect(matchRoute(routes, 'GET', '/health')?.template).toBe('/health');
    expect(matchRoute(routes, 'POST', '/health')).toBeUndefined();
    expect(matchRoute(routes, 'GET', `/api/agencies/${ID}/officers`)).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/api/agencies/')).toBeUndefined();
  });
});

describe('OpenAPI 3.0 schemas for ajv', () => {
  it('turns nullable into "or null" and points references at the registered components', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'x' })).toEqual({ anyOf: [{ type: 'string', example: 'x' }, { type: 'null' }] });
    expect(toJsonSchema({ items: { $ref: '#/components/schemas/Agency' } })).toEqual({ items: { $ref: 'openapi#/definitions/Agency' } });
  });

  it('leaves values that only look like schemas alone', () => {
    expect(toJsonSchema({ properties: { nullable: { type: 'boolean' } }, example: { nullable: true } })).toEqual({
      properties: { nullable: { type: 'boolean' } },
      example: { nullable: true },
    });
  });
});

describe('checking an answer against the document', () => {
  const answer = (method: string, url: string, status: number, body: unknown = '', headers: Record<string, string> = json) => () =>
    validate({ method, url, status, headers, body });

  it('accepts documented answers: a body that matches, null where nullable, no body where none is described', () => {
    expect(answer('GET', `/api/agencies/${ID}`, 200, { id: ID, closedAt: null })).not.toThrow();
    expect(answer('GET', `/api/agencies/${ID}`, 404, notFound)).not.toThrow();
    expect(answer('DELETE', `/api/cameras/${ID}`, 204, '', {})).not.toThrow();
  });

  it('names the route, the status and what differs', () => {
    expect(answer('GET', `/api/agencies/${ID}`, 200, { id: 'not-a-uuid', closedAt: null })).toThrow(
      /GET \/api\/agencies\/\{id\} answered 200: body does not match[\s\S]*\/id must match format "uuid"/,
    );
    expect(answer('GET', `/api/agencies/${ID}`, 409, notFound)).toThrow(/answered 409: status not documented for this route \(documented: 200, 404\)/);
    expect(answer('DELETE', `/api/cameras/${ID}`, 204, { deleted: true })).toThrow(/a body where the document describes none/);
    expect(answer('GET', '/api/agencies/map', 200, '<html>', { 'content-type': 'text/html' })).toThrow(/content-type text\/html/);
  });

  it('checks the headers a response declares', () => {
    expect(answer('POST', '/api/auth/login', 429, notFound, { ...json, 'retry-after': '30' })).not.toThrow();
    expect(answer('POST', '/api/auth/login', 429, notFound)).toThrow(/required header Retry-After missing/);
    expect(answer('POST', '/api/auth/login', 429, notFound, { ...json, 'retry-after': '0' })).toThrow(/header Retry-After: 0/);
  });

  it('holds a URL the document does not list to the error shape, and skips only the pages outside the contract', () => {
    expect(answer('GET', '/api/no-such-thing', 404, notFound)).not.toThrow();
    expect(answer('GET', '/api/no-such-thing', 404, { message: 'Not Found' })).toThrow(/not an ErrorBody/);
    expect(answer('GET', '/api/no-such-thing', 200, { ok: true })).toThrow(/this route is not in the document/);
    expect(answer('GET', '/docs', 200, '<html>', { 'content-type': 'text/html' })).not.toThrow();
    expect(answer('GET', '/admin/queues/api/queues', 200, { queues: [] })).not.toThrow();
    expect(answer('GET', '/admin/queues', 401, '<html>', { 'content-type': 'text/html' })).toThrow(/an error that is not JSON/);
  });
});
