import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDecoder, createSigner } from 'fast-jwt';
import pg from 'pg';
import { adminToken } from '../support/cameras-fixtures.js';
import { startApi, type TestApi } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const SECRET = 'test-jwt-secret-test-jwt-secret-0123456789';
const SCHOOL = 'https://school.example';

/**
 * OWASP's secure headers on every kind of answer (the console, Swagger UI, the api, its errors),
 * CORS closed unless an origin is allowed, bodies bounded, answers bounded in time, and tokens
 * only of the pinned algorithm.
 */
/** A browser's CORS preflight: not a route of the contract, so sent past the document's check. */
const preflightOf = (api: TestApi) =>
  api.app.inject({
    method: 'OPTIONS',
    url: '/api/auth/login',
    headers: { origin: SCHOOL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });

describe('HTTP hardening', () => {
  const ctx = useTestContext({ env: { CORS_ORIGINS: '' } });
  let school: TestApi;
  let slow: TestApi;

  beforeAll(async () => {
    school = await startApi(testConfig(ctx.db.url, { CORS_ORIGINS: `${SCHOOL}, http://localhost:5173` }));
    slow = await startApi(testConfig(ctx.db.url, { HTTP_REQUEST_TIMEOUT_MS: '1000', CLOCK_SETTLE_TIMEOUT_MS: '500' }));
  });
  afterAll(async () => {
    await school?.close();
    await slow?.close();
  });

  it('sends the security headers on the console, the docs, the api and its errors', async () => {
    for (const url of ['/', '/docs', '/docs-json', '/api/policy', '/api/no-such-route', '/api/me']) {
      const { headers } = await ctx.api.request('GET', url);
      const csp = String(headers['content-security-policy']);
      expect([url, csp]).toEqual([url, expect.stringContaining("script-src 'self'")]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  it('gives no CORS answer by default, so no other site’s page can read the api', async () => {
    const simple = await ctx.api.request('GET', '/api/policy', { headers: { origin: SCHOOL } });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await preflightOf(ctx.api);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS for the allowed origins only (CORS_ORIGINS), never with a wildcard', async () => {
    const allowed = await school.request('GET', '/api/policy', { headers: { origin: SCHOOL } });
    expect(allowed.headers['access-control-allow-origin']).toBe(SCHOOL);
    const preflight = await preflightOf(school);
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SCHOOL);
    const other = await school.request('GET', '/api/policy', { headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over HTTP_BODY_LIMIT_BYTES before reading it, in the contract’s shape', async () => {
    const huge = JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(1024 * 1024 + 10) });
    const response = await ctx.api.request('POST', '/api/auth/login', { body: huge, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 503 REQUEST_TIMEOUT when a route waits past HTTP_REQUEST_TIMEOUT_MS, instead of hanging', async () => {
    // Another session holds the policy table: the route's read waits for it.
    const blocker = new pg.Client({ connectionString: ctx.db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE policy_setting IN ACCESS EXCLUSIVE MODE');
      const response = await slow.request('GET', '/api/policy');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'REQUEST_TIMEOUT' });
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect((await slow.request('GET', '/api/policy')).status).toBe(200);
  });

  it('takes tokens of the pinned algorithm only: unsigned or HS512 tokens are 401', async () => {
    const token = await adminToken(ctx);
    const claims = { sub: (createDecoder()(token) as { sub: string }).sub, role: 'admin' };
    const forged = [createSigner({ algorithm: 'none', expiresIn: 60_000 })(claims), createSigner({ key: SECRET, algorithm: 'HS512', expiresIn: 60_000 })(claims)];
    for (const token of forged) expect((await ctx.api.request('GET', '/api/me', { token })).body).toMatchObject({ statusCode: 401 });
    expect((await ctx.api.request('GET', '/api/me', { token })).status).toBe(200);
  });
});
