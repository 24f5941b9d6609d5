import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
interface HeaderObject {
  required?: boolean;
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, HeaderObject>;
}
interface Operation {
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface DocumentedRoute {
  method: string;
  /** The path as the document writes it, e.g. `/api/cameras/{id}`. */
  template: string;
  pattern: RegExp;
  /** Segments without a parameter: the more, the more specific (`/agencies/map` over `/agencies/{id}`). */
  literals: number;
}

export interface ObservedResponse {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The parsed JSON body, the raw text otherwise ('' when empty). */
  body: unknown;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
const ERROR_BODY = '#/components/schemas/ErrorBody';

/**
 * Outside the api's contract, so absent from the document: Swagger UI and the document itself
 * (/docs, /docs-json, /docs-yaml), the operators' queue board (Bull Board's pages and its own JSON API) and
 * the classroom console's files (/, /index.html, /assets/…). Their successes are not checked; an
 * error they answer must still be in the contract's shape.
 */
const OUT_OF_CONTRACT = [/^\/docs(-json|-yaml)?(\/|$)/, /^\/admin\/queues(\/|$)/];

/** One of the classroom console's files (apps/api/src/serve-console.ts). */
export const consoleFile = (path: string): boolean => /^\/(index\.html)?$/.test(path) || path.startsWith('/assets/');

/** Whether a path is outside the api's contract (see OUT_OF_CONTRACT). */
export const outOfContract = (path: string): boolean => consoleFile(path) || OUT_OF_CONTRACT.some((pattern) => pattern.test(path));

export function documentedRoutes(document: OpenApiDocument): DocumentedRoute[] {
  return Object.entries(document.paths).flatMap(([template, operations]) => {
    const segments = template.split('/');
    const pattern = new RegExp(
      `^${segments.map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
    );
    const literals = segments.filter((segment) => !segment.startsWith('{')).length;
    return Object.keys(operations)
      .filter((method) => METHODS.has(method))
      .map((method) => ({ method: method.toUpperCase(), template, pattern, literals }));
  });
}

/** The documented operation a request reached, like the router picks it: static segments first. */
export function matchRoute(routes: DocumentedRoute[], method: string, url: string): DocumentedRoute | undefined {
  const path = url.split('?')[0]!;
  return routes
    .filter((route) => route.method === method.toUpperCase() && route.pattern.test(path))
    .sort((a, b) => b.literals - a.literals)[0];
}

const mapValues = (object: Schema, map: (value: unknown) => unknown): Schema =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable` becomes "or null", and component
 * references point into the schema registered under `openapi` (see createOpenApiValidator).
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const converted: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted[key] = value.replace('#/components/schemas/', 'openapi#/definitions/');
    else if (key === 'properties') converted[key] = mapValues(value as Schema, toJsonSchema);
    // Values, not schemas: copied as they are.
    else if (['example', 'default', 'enum'].includes(key)) converted[key] = value;
    else converted[key] = toJsonSchema(value);
  }
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n  ');

const isJson = (headers: ObservedResponse['headers']): boolean => /\bjson\b/.test(String(headers['content-type'] ?? ''));

/** A header's text as the schema's type: response headers are strings on the wire. */
function headerValue(raw: string, schema: Schema | undefined): unknown {
  return (schema?.type === 'integer' || schema?.type === 'number') && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
}

/**
 * Checks an answer of the api against the document it serves: the route must be documented,
 * its status listed for that route, its JSON body valid against the listed schema, and its
 * declared headers present (where required) and valid. Throws an error naming what differs.
 */
export type ResponseValidator = (response: ObservedResponse) => void;

export function createOpenApiValidator(document: OpenApiDocument): ResponseValidator {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, strictRequired: false });
  // Keywords OpenAPI 3.0 adds to JSON Schema that carry no constraint.
  ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
  ajvFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', definitions: mapValues(document.components?.schemas ?? {}, toJsonSchema) });

  const compiled = new Map<Schema, ValidateFunction>();
  const validatorOf = (schema: Schema): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(toJsonSchema(schema) as Schema)));
    return validate;
  };
  const routes = documentedRoutes(document);
  const errorBody: Schema = { $ref: ERROR_BODY };

  return (response) => {
    const { method, url, status, headers, body } = response;
    const path = url.split('?')[0]!;
    const route = matchRoute(routes, method, url);
    const fail = (what: string): never => {
      throw new Error(`OpenAPI mismatch: ${method} ${route?.template ?? path} answered ${status}: ${what}\n  body: ${JSON.stringify(body)?.slice(0, 500)}`);
    };

    if (!route) {
      if (status < 400) {
        if (outOfContract(path)) return;
        fail('this route is not in the document');
      }
      // An unknown URL or method (404, a malformed URL's 400 …) still answers in the contract's shape.
      if (!isJson(headers)) fail('an error that is not JSON');
      if (!validatorOf(errorBody)(body)) fail(`not an ErrorBody:\n  ${describeErrors(validatorOf(errorBody).errors)}`);
      return;
    }

    const responses = document.paths[route.template]![route.method.toLowerCase()]!.responses ?? {};
    const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!documented) fail(`status not documented for this route (documented: ${Object.keys(responses).join(', ')})`);

    for (const [name, header] of Object.entries(documented!.headers ?? {})) {
      const raw = headers[name.toLowerCase()];
      if (raw === undefined) {
        if (header.required) fail(`required header ${name} missing`);
        continue;
      }
      const validate = validatorOf(header.schema ?? {});
      if (!validate(headerValue(String(raw), header.schema))) fail(`header ${name}: ${String(raw)}: ${describeErrors(validate.errors)}`);
    }

    const empty = body === '' || body === undefined;
    // A route that also answers in another format (CSV) documents it: a non-empty text body of that type.
    const mediaType = String(headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!isJson(headers) && mediaType !== '' && documented!.content?.[mediaType]) {
      if (empty || typeof body !== 'string') fail(`no ${mediaType} text where the document describes one`);
      return;
    }
    const schema = documented!.content?.['application/json']?.schema;
    if (!schema) {
      if (!empty) fail('a body where the document describes none');
      return;
    }
    if (empty) fail('no body where the document describes one');
    if (!isJson(headers)) fail(`content-type ${String(headers['content-type'])} where the document says JSON`);
    const validate = validatorOf(schema);
    if (!validate(body)) fail(`body does not match the document:\n  ${describeErrors(validate.errors)}`);
  };
}
