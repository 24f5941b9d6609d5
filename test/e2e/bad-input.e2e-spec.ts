import { PROFILE_NAMES } from '@app/policy';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newOfficer } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld, newNeighbor, newRequest, respond } from '../support/consent-fixtures.js';
import { HOUR } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

type Schema = { $ref?: string; type?: string; format?: string; enum?: unknown[]; properties?: Record<string, Schema>; allOf?: Schema[] };
type Operation = {
  parameters?: { name: string; in: 'path' | 'query' | 'header' }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Strings that pass a type check and still break naive code: empty, huge, control characters, SQL, paths. */
const ODD_STRINGS = ['', ' ', 'x'.repeat(10_000), '\u0000', "'; DROP TABLE app_user; --", '../../etc/passwd', '%00', '💥'];
const ODD_NUMBERS = [0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2];
const ODD_DATES = ['2019-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', 'yesterday'];
const ODD_AREAS: unknown[] = [
  { center: { lat: 91, lng: 0 }, radiusMeters: 100 },
  { center: { lat: 'north', lng: 0 }, radiusMeters: 100 },
  { center: [], radiusMeters: 100 },
  { center: null, radiusMeters: 100 },
  { center: [40.7, -74], radiusMeters: 100 },
  { center: { lat: 40.7, lng: -74 }, radiusMeters: 1e308 },
  { type: 'Polygon', coordinates: [] },
  { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] },
  { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [1, 1], [0, 0]]] },
  { type: 'Polygon', coordinates: [[[1e10, 1e10], [1e10, 2e10], [2e10, 1e10], [1e10, 1e10]]] },
  { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] },
  { type: 'Polygon', coordinates: [[['a', 'b'], [1, 0], [1, 1], ['a', 'b']]] },
];
/** Values of the wrong type for whatever a field expects (null included: it is not "left out"). */
const WRONG_TYPES: unknown[] = [null, true, 12345, 'text', [], [1, 2], {}, { nested: { deeper: [null] } }];
const NOT_BODIES: unknown[] = [[], 'text', 42, null, { unknownField: 1 }];
const ODD_PATH_VALUES = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ABCDEFAB-1234-4123-8123-ABCDEFABCDEF', '9'.repeat(300), '%E0%A4%A', '%00', "1' OR '1'='1"];
const ODD_QUERY_VALUES = ['\u0000', 'x', '-1', '', '1e309', '9'.repeat(400), '0,0,0', '-181,-91,181,91', 'NaN,NaN,NaN,NaN', '2026-13-45'];
const NIL = '00000000-0000-4000-8000-000000000000';
const ODD_IDEMPOTENCY_KEYS = ['', ' ', 'x'.repeat(300), "k'; DROP TABLE idempotency_key; --", '../../etc'];

const square = { type: 'Polygon', coordinates: [[[-74.01, 40.69], [-73.99, 40.69], [-73.99, 40.71], [-74.01, 40.71], [-74.01, 40.69]]] };
let unique = 0;
/** A real request of the fuzzing officer's agency, for override bodies that are otherwise valid. */
let fuzzRequestId = '';
/**
 * Valid bodies for the routes that create or answer, so that each odd field is met with all the
 * others right and the input reaches the service and the database, not only the DTO.
 */
const VALID_BODIES: Record<string, () => Record<string, unknown>> = {
  'POST /api/auth/register': () => ({ email: `fuzz-${++unique}@example.org`, password: 'a-long-enough-password', displayName: 'Fuzz' }),
  'POST /api/users': () => ({ email: `staff-${++unique}@example.org`, password: 'a-long-enough-password', displayName: 'Staff', role: 'moderator' }),
  'POST /api/cameras': () => ({ label: 'Porch', location: CENTER }),
  'PATCH /api/cameras/{id}': () => ({ label: 'Porch', location: CENTER }),
  'POST /api/cameras/{id}/recordings': () => ({
    startedAt: new Date(CONSENT_NOW.getTime() - HOUR).toISOString(),
    endedAt: new Date(CONSENT_NOW.getTime() - HOUR / 2).toISOString(),
    trigger: 'motion',
  }),
  'POST /api/portal/requests': () => ({
    caseNumber: `FUZZ-${++unique}`,
    incidentType: 'package-theft',
    description: 'Parcel taken from a porch',
    window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
    area: { center: CENTER, radiusMeters: 300 },
  }),
  'POST /api/agencies': () => ({ name: `Fuzz PD ${++unique}`, kind: 'police', city: 'Testville', state: 'NY', zip: '10001', jurisdiction: square, partnerSince: '2019-08-28' }),
  'POST /api/portal/overrides': () => ({ requestId: fuzzRequestId, basis: 'emergency', justification: 'Fuzz' }),
  'POST /api/moderation/overrides/{id}/decision': () => ({ approve: false, reason: 'Fuzz' }),
  'POST /api/moderation/requests/{id}/decision': () => ({ approve: false, reason: 'Fuzz' }),
  'POST /api/posts': () => ({ category: 'crime', title: 'Fuzz', body: 'Fuzz', location: CENTER }),
  'POST /api/posts/{id}/comments': () => ({ body: 'Fuzz' }),
  'POST /api/posts/{id}/reports': () => ({ reason: 'other' }),
  'POST /api/moderation/posts/{id}/decision': () => ({ action: 'keep', reason: 'Fuzz' }),
  'POST /api/agencies/{id}/officers': () => ({ email: `officer-${++unique}@example.org`, password: 'a-long-enough-password', displayName: 'Officer', role: 'officer' }),
};

/** Every documented path falls under one of these; each group is one test, so a failure names its area. */
const GROUPS = ['/api/auth', '/api/me', '/api/users', '/api/cameras', '/api/agencies', '/api/portal', '/api/moderation', '/api/consents', '/api/admin', '/api/audit', '/api/policy', '/api/sandbox', '/api/transparency', '/api/posts', '/api/feed', '/health'];

/**
 * Every documented route, fed malformed and odd input by every kind of caller, on missing and on
 * real objects: the answer is a 4xx (or a success, where the input happens to be acceptable) in
 * the contract's error shape — never a 5xx, never a stack trace. The inputs come from the OpenAPI
 * document, so a route is covered the day it is documented.
 */
describe('bad input never breaks a route: 4xx in the contract error shape, never 5xx', () => {
  // The worker settles sandbox clock moves, which would otherwise wait for their timeout.
  // Limits high enough that every odd body reaches validation (their 429s have their own tests).
  const ctx = useTestContext({ worker: true, env: { FEED_POST_RATE_LIMIT: '1000000', FEED_COMMENT_RATE_LIMIT: '1000000' } });
  let doc: OpenApi;
  let tokens: (string | undefined)[];
  /** Real objects for each path's parameters, by path prefix and parameter name. */
  let real: { prefix: string; params: Record<string, string> }[];

  beforeAll(async () => {
    doc = (await ctx.api.request('GET', '/docs-json')).body as OpenApi;
    const { officer } = await consentWorld(ctx);
    const neighbor = await newNeighbor(ctx);
    const requestId = await newRequest(ctx, officer);
    const shared = await respond(ctx, neighbor, requestId, { decision: 'share' });
    expect(shared.status).toBe(201);
    const [{ agency_id: agencyId }] = await ctx.dataSource.query('SELECT agency_id FROM app_user WHERE id = $1', [officer.id]);
    fuzzRequestId = requestId;
    const override = await ctx.api.request('POST', '/api/portal/overrides', {
      token: officer.token,
      body: { requestId, basis: 'warrant', warrantReference: 'FUZZ-1', justification: 'Fuzz' },
    });
    expect(override.status).toBe(201);
    const post = await ctx.api.request('POST', '/api/posts', { token: neighbor.token, body: { category: 'crime', title: 'Fuzz', body: 'Fuzz', location: CENTER } });
    expect(post.status).toBe(201);
    const moderator = await newModerator(ctx);
    tokens = [await adminToken(ctx), officer.token, (await newOfficer(ctx, 'agency_admin')).token, neighbor.token, moderator.token, undefined];
    real = [
      { prefix: '/api/cameras', params: { id: neighbor.cameraId } },
      { prefix: '/api/portal/requests', params: { id: requestId, recordingId: neighbor.recordingIds[0]! } },
      { prefix: '/api/me/requests', params: { id: requestId } },
      { prefix: '/api/consents', params: { id: shared.body.receiptId } },
      { prefix: '/api/agencies', params: { id: agencyId } },
      { prefix: '/api/admin/recordings', params: { id: neighbor.recordingIds[0]! } },
      { prefix: '/api/moderation/overrides', params: { id: override.body.id } },
      { prefix: '/api/posts', params: { id: post.body.id } },
      { prefix: '/api/moderation/posts', params: { id: post.body.id } },
    ];
  });

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };
  const oddValuesFor = (name: string, raw: Schema): unknown[] => {
    const schema = resolve(raw);
    if (/area|jurisdiction/i.test(name)) return [...ODD_AREAS, ...WRONG_TYPES];
    if (schema.format === 'date-time' || /At$|^start$|^end$|^now$|since/i.test(name)) return [...ODD_DATES, ...WRONG_TYPES];
    if (schema.type === 'string' || schema.enum) return [...ODD_STRINGS, ...WRONG_TYPES];
    if (schema.type === 'number' || schema.type === 'integer') return [...ODD_NUMBERS, '12', ...WRONG_TYPES];
    if (schema.type === 'array') return [[...ODD_STRINGS], ...WRONG_TYPES];
    if (schema.properties) {
      // One level down: each field of the nested object odd in turn, the others absent.
      const nested = Object.entries(schema.properties).flatMap(([field, fieldSchema]) =>
        oddValuesFor(field, fieldSchema).slice(0, 6).map((value) => ({ [field]: value })),
      );
      return [...nested, ...WRONG_TYPES];
    }
    return WRONG_TYPES;
  };
  /** Each field odd in turn: alone, and (where the route has one) in an otherwise valid body. */
  const bodiesFor = (route: string, operation: Operation): unknown[] => {
    const schema = resolve(operation.requestBody?.content?.['application/json']?.schema);
    const fields = Object.entries(schema.properties ?? {});
    const valid = VALID_BODIES[route];
    return [
      ...NOT_BODIES,
      ...fields.flatMap(([name, fieldSchema]) =>
        oddValuesFor(name, fieldSchema).flatMap((value) => [{ [name]: value }, ...(valid ? [{ ...valid(), [name]: value }] : [])]),
      ),
    ];
  };
  /** The path with a missing object's id, and with real objects' ids where there are any. */
  const urlsFor = (path: string, method: string): string[] => {
    const withNil = path.replace(/\{\w+\}/g, NIL);
    // Deleting or closing the real objects would leave nothing real for the next routes.
    const known = method === 'DELETE' || path.endsWith('/close') ? undefined : real.find((entry) => path.startsWith(entry.prefix));
    const withReal = known && path.replace(/\{(\w+)\}/g, (_, name: string) => known.params[name] ?? NIL);
    return withReal && withReal !== withNil ? [withNil, withReal] : [withNil];
  };

  // Each profile takes other paths through the services (public posts, identity disclosure,
  // deletion refused, staff reasons, opt-in), so every group runs under each of them.
  it.each(PROFILE_NAMES.flatMap((profile) => GROUPS.map((group) => [profile, group] as const)))('%s: %s…', async (profile, group) => {
    expect((await ctx.api.request('PUT', '/api/policy', { token: tokens[0], body: { profile } })).status).toBe(200);
    const failures: string[] = [];
    const send = async (method: string, url: string, body: unknown, token: string | undefined, headers: Record<string, string>) => {
      const response = await ctx.api.request(method, url, { token, body, headers });
      const text = JSON.stringify(response.body) ?? '';
      const where = `${method} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 160)}`;
      if (response.status >= 500) failures.push(`${response.status} ${where}: ${text.slice(0, 200)}`);
      else if (/at .*\.(js|ts):\d+/.test(text)) failures.push(`stack trace in ${where}`);
      else if (response.status >= 400) {
        const body = response.body as { statusCode?: unknown; error?: unknown; requestId?: unknown } | undefined;
        if (body?.statusCode !== response.status || typeof body.error !== 'string' || typeof body.requestId !== 'string') {
          failures.push(`${response.status} not in the error shape: ${where}: ${text.slice(0, 200)}`);
        }
      }
    };

    const paths = Object.entries(doc.paths).filter(([path]) => path.startsWith(group));
    expect(paths.length).toBeGreaterThan(0);
    for (const [path, operations] of paths) {
      // Resetting would empty the database under the other requests; its key check has its own tests.
      if (path === '/api/sandbox/reset') continue;
      const headers: Record<string, string> = path.startsWith('/api/sandbox') ? { 'x-sandbox-key': TEST_SANDBOX_KEY } : {};
      for (const [verb, operation] of Object.entries(operations)) {
        const method = verb.toUpperCase();
        const emptyBody = ['GET', 'DELETE'].includes(method) ? undefined : {};
        const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
        for (const token of tokens) {
          if (path.includes('{')) {
            for (const value of ODD_PATH_VALUES) await send(method, path.replace(/\{\w+\}/g, value), emptyBody, token, headers);
          }
          for (const url of urlsFor(path, method)) {
            for (const { name } of query) {
              for (const value of ODD_QUERY_VALUES) await send(method, `${url}?${name}=${encodeURIComponent(value)}`, emptyBody, token, headers);
              await send(method, `${url}?${name}=1&${name}=2`, emptyBody, token, headers);
            }
            if (emptyBody) for (const body of bodiesFor(`${method} ${path}`, operation)) await send(method, url, body, token, headers);
            const valid = method === 'POST' ? VALID_BODIES[`${method} ${path}`] : undefined;
            if (valid) for (const key of ODD_IDEMPOTENCY_KEYS) await send(method, url, valid(), token, { ...headers, 'idempotency-key': key });
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // A group sends hundreds of requests (/api/auth hashes a password for each sign-up): ~30 s on
    // a busy two-core machine.
  }, 90_000);

  it('has a valid body only for routes that exist', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((verb) => `${verb.toUpperCase()} ${path}`));
    expect(Object.keys(VALID_BODIES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('covers every documented path with one of the groups', () => {
    expect(Object.keys(doc.paths).filter((path) => !GROUPS.some((group) => path.startsWith(group)))).toEqual([]);
  });
});
