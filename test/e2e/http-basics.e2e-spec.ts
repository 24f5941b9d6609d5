import { describe, expect, it } from '@jest/globals';
import { outOfContract } from '../support/openapi-validator.js';
import { useTestContext } from '../support/test-context.js';

describe('HTTP basics every endpoint shares', () => {
  const ctx = useTestContext();

  it('answers liveness and readiness when PostgreSQL and Redis are up', async () => {
    expect((await ctx.api.request('GET', '/health')).status).toBe(200);
    const ready = await ctx.api.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('returns the request id in x-request-id and echoes a sane one the client sent', async () => {
    const generated = await ctx.api.request('GET', '/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await ctx.api.request('GET', '/health', { headers: { 'x-request-id': 'client-trace-42' } });
    expect(echoed.headers['x-request-id']).toBe('client-trace-42');
  });

  it('answers an unknown route with 404 in the contract error shape', async () => {
    const response = await ctx.api.request('GET', '/api/no-such-thing', { headers: { 'x-request-id': 'abc-1' } });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      code: 'NOT_FOUND',
      requestId: 'abc-1',
    });
  });

  it('rejects malformed JSON with 400, not 500, and without a stack trace', async () => {
    const response = await ctx.api.request('POST', '/api/no-such-thing', {
      body: '{"broken": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers an over-long path parameter (414) and a malformed URL (400) in the contract error shape', async () => {
    const tooLong = await ctx.api.request('GET', `/api/cameras/${'9'.repeat(300)}`, { headers: { 'x-request-id': 'long-1' } });
    expect(tooLong.status).toBe(414);
    expect(tooLong.headers['x-request-id']).toBe('long-1');
    expect(tooLong.body).toEqual({ statusCode: 414, error: 'URI Too Long', message: expect.any(String), code: 'URI_TOO_LONG', requestId: 'long-1' });
    const malformed = await ctx.api.request('GET', '/api/cameras/%E0%A4%A', { headers: { 'x-request-id': 'bad-url-1' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), code: 'BAD_URL', requestId: 'bad-url-1' });
  });

  it('refuses a NUL character (which PostgreSQL text cannot hold) in a body or query with 400 naming the field', async () => {
    const body = await ctx.api.request('POST', '/api/auth/register', {
      body: { email: 'nul@example.org', password: 'a-long-enough-password', displayName: 'Nul\u0000Byte' },
    });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({ code: 'NUL_CHARACTER', details: [{ field: 'displayName', problems: ['contains U+0000'] }] });
    const query = await ctx.api.request('GET', '/api/agencies/map?q=%00');
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ code: 'NUL_CHARACTER', details: [{ field: 'q' }] });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await ctx.api.request('GET', '/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.paths['/health/ready']).toBeDefined();
    expect((await ctx.api.request('GET', '/docs')).status).toBe(200);
  });

  it('documents every route the api serves in the OpenAPI document', async () => {
    const { paths } = (await ctx.api.request('GET', '/docs-json')).body as { paths: Record<string, object> };
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    // Not the api's contract: /docs is Swagger UI itself, /admin/queues the operators' Bull Board
    // (pages, assets and Bull Board's own JSON API, admins only; see libs/queue-board), / and
    // /assets the classroom console's files.
    const served = ctx.api.routes.filter((route) => !outOfContract(route.split(' ')[1]!));
    expect(served.length).toBeGreaterThan(5);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('documents the credentials and the 401 of every route that refuses an anonymous caller', async () => {
    type Operation = { security?: unknown[]; responses: Record<string, unknown> };
    const { paths } = (await ctx.api.request('GET', '/docs-json')).body as { paths: Record<string, Record<string, Operation>> };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const url = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await ctx.api.request(method.toUpperCase(), url, { body: ['get', 'delete'].includes(method) ? undefined : {} });
        if (response.status !== 401) continue;
        if (!operation.security?.length || !operation.responses['401']) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
