import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Clock } from '@app/clock';
import { REDIS } from '@app/queue';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { TEST_ADMIN_PASSWORD, TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const ROUTES = [
  ['GET', '/api/sandbox/clock'],
  ['POST', '/api/sandbox/clock'],
  ['POST', '/api/sandbox/reset'],
  ['POST', '/api/sandbox/demo-town'],
  ['POST', '/api/sandbox/sign-in'],
] as const;
const key = { 'x-sandbox-key': TEST_SANDBOX_KEY };
const ADMIN_EMAIL = 'admin@porchlight.local';
const DAY_MS = 86_400_000;

describe('sandbox with SANDBOX_KEY set', () => {
  const ctx = useTestContext({ env: { LOGIN_RATE_LIMIT: '2' }, worker: true });

  it('refuses every sandbox route without the right X-Sandbox-Key (401 SANDBOX_KEY_INVALID)', async () => {
    const wrongKeys = [undefined, '', 'wrong', TEST_SANDBOX_KEY.replace(/.$/, 'X'), `${TEST_SANDBOX_KEY}X`];
    for (const [method, url] of ROUTES) {
      for (const wrong of wrongKeys) {
        const response = await ctx.api.request(method, url, {
          headers: wrong === undefined ? {} : { 'x-sandbox-key': wrong },
          body: url.endsWith('clock') && method === 'POST' ? { advanceSeconds: 60 } : url.endsWith('sign-in') ? { email: ADMIN_EMAIL } : undefined,
        });
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ statusCode: 401, code: 'SANDBOX_KEY_INVALID', requestId: expect.any(String) });
      }
    }
  });

  it('documents the sandbox routes in /docs under the X-Sandbox-Key scheme', async () => {
    const { body } = await ctx.api.request('GET', '/docs-json');
    expect(body.components.securitySchemes.sandbox).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Sandbox-Key' });
    for (const [method, url] of ROUTES) {
      expect(body.paths[url][method.toLowerCase()].security).toEqual([{ sandbox: [] }]);
    }
  });

  it('does not accept a user token instead of the key', async () => {
    const { body } = await ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
    const response = await ctx.api.request('GET', '/api/sandbox/clock', { token: body.adminToken });
    expect(response.status).toBe(401);
  });

  it('reset empties the data, re-creates the admin and starts a new, valid audit chain', async () => {
    const resident = { email: `ann-${randomBytes(3).toString('hex')}@example.org`, password: 'correct horse battery' };
    expect((await ctx.api.request('POST', '/api/auth/register', { body: { ...resident, displayName: 'Ann' } })).status).toBe(201);
    expect((await ctx.api.request('POST', '/api/auth/login', { body: resident })).status).toBe(200);

    const reset = await ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ adminToken: expect.any(String) });

    const me = await ctx.api.request('GET', '/api/me', { token: reset.body.adminToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    expect((await ctx.api.request('POST', '/api/auth/login', { body: resident })).status).toBe(401);

    const verify = await ctx.api.request('GET', '/api/audit/verify', { token: reset.body.adminToken });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, length: expect.any(Number) });
    expect(verify.body.length).toBeGreaterThanOrEqual(1);
    const [first] = await ctx.api.app.get<DataSource>(getDataSourceToken()).query('SELECT seq, action FROM audit_event ORDER BY seq LIMIT 1');
    expect(first).toEqual({ seq: '1', action: 'sandbox.reset' });
  });

  it('reset puts the sandbox clock back to real time', async () => {
    const moved = await ctx.api.request('POST', '/api/sandbox/clock', { headers: key, body: { advanceSeconds: 3600 } });
    expect(moved.status).toBe(200);
    expect((await ctx.api.request('POST', '/api/sandbox/reset', { headers: key })).status).toBe(200);
    const clock = await ctx.api.request('GET', '/api/sandbox/clock', { headers: key });
    expect(clock.body.offsetSeconds).toBe(0);
  });

  it("reset clears this deployment's login rate limits and no other deployment's", async () => {
    const redis = ctx.api.app.get<Redis>(REDIS);
    const otherDeployment = `other-${randomBytes(4).toString('hex')}:throttle:someone`;
    await redis.set(otherDeployment, '1', 'EX', 60);
    try {
      const attempt = () => ctx.api.request('POST', '/api/auth/login', { body: { email: ADMIN_EMAIL, password: 'not the password' } });
      let status = 0;
      for (let tries = 0; tries < 10 && status !== 429; tries++) status = (await attempt()).status;
      expect(status).toBe(429);

      expect((await ctx.api.request('POST', '/api/sandbox/reset', { headers: key })).status).toBe(200);
      const login = await ctx.api.request('POST', '/api/auth/login', { body: { email: ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD } });
      expect(login.status).toBe(200);
      expect(await redis.exists(otherDeployment)).toBe(1);
    } finally {
      await redis.del(otherDeployment);
    }
  });
});

describe('sandbox while Redis is unreachable', () => {
  // Nothing listens on this port; it stands for "Redis is down".
  const ctx = useTestContext({ env: { REDIS_URL: 'redis://127.0.0.1:6390', CLOCK_SETTLE_TIMEOUT_MS: '300' } });

  it('reset answers 503 REDIS_UNAVAILABLE and resets nothing', async () => {
    await ctx.api.app.get(Clock).setNow(new Date(Date.now() + DAY_MS));
    const response = await ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('REDIS_UNAVAILABLE');
    expect(await ctx.api.app.get(Clock).offsetMs()).toBeGreaterThan(DAY_MS - 5000);
  });

  it("moving the clock still answers, 'pending', within the settle timeout instead of hanging", async () => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: key, body: { advanceSeconds: 60 } });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('pending');
  });
});

describe('sandbox without SANDBOX_KEY', () => {
  const ctx = useTestContext({ env: { SANDBOX_KEY: undefined } });

  it('has no sandbox routes: each answers 404 in the contract shape, even with a key', async () => {
    for (const [method, url] of ROUTES) {
      const response = await ctx.api.request(method, url, { headers: { ...key, 'x-request-id': 'no-sandbox' } });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: expect.any(String),
        code: 'NOT_FOUND',
        requestId: 'no-sandbox',
      });
    }
  });

  it('lists no sandbox route in the OpenAPI document', async () => {
    const { body } = await ctx.api.request('GET', '/docs-json');
    expect(Object.keys(body.paths).filter((path) => path.startsWith('/api/sandbox'))).toEqual([]);
  });
});
