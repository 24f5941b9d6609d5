import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newCamera, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const LOGIN_RATE_LIMIT = 3;
const WINDOW_SECONDS = 60;
/** A valid instant of 41 characters: one more than the api reads. */
const LONG_INSTANT = '2030-01-01T09:00:00.1234567890123456+00:00';

/** Limits the OpenAPI document states are the ones the api holds to; every refusal is a 400 in the contract's shape. */
describe('the limits the document states', () => {
  const ctx = useTestContext({ env: { LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT), LOGIN_RATE_WINDOW_SECONDS: String(WINDOW_SECONDS) } });
  let owner: TestUser;

  beforeAll(async () => {
    owner = await newResident(ctx);
  });

  const refusal = (field: string) => ({ statusCode: 400, code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field })] });

  it('counts login attempts down in X-RateLimit-* headers before it refuses one with 429 and Retry-After', async () => {
    const attempt = () =>
      ctx.api.request('POST', '/api/auth/login', { body: { email: owner.email, password: 'wrong-password-x' }, remoteAddress: '10.7.7.7' });
    for (let remaining = LOGIN_RATE_LIMIT - 1; remaining >= 0; remaining--) {
      const { status, headers } = await attempt();
      expect(status).toBe(401);
      expect(headers).toMatchObject({ 'x-ratelimit-limit': String(LOGIN_RATE_LIMIT), 'x-ratelimit-remaining': String(remaining) });
      expect(Number(headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(headers['x-ratelimit-reset'])).toBeLessThanOrEqual(WINDOW_SECONDS);
    }
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ 'x-ratelimit-remaining': '0', 'retry-after': limited.headers['x-ratelimit-reset'] });
  });

  it('reads instants of at most 40 characters', async () => {
    const cameraId = await newCamera(ctx, owner, { lat: 40.7, lng: -74 });
    const clip = await ctx.api.request('POST', `/api/cameras/${cameraId}/recordings`, {
      token: owner.token,
      body: { startedAt: LONG_INSTANT, endedAt: '2030-01-01T09:00:30Z', trigger: 'motion' },
    });
    expect(clip.body).toMatchObject(refusal('startedAt'));
    const audit = await ctx.api.request('GET', `/api/audit?from=${encodeURIComponent(LONG_INSTANT)}`, { token: await adminToken(ctx) });
    expect(audit.body).toMatchObject(refusal('from'));
  });

  it('takes a jurisdiction ring of at most 10,000 positions', async () => {
    const ring = Array.from({ length: 10_001 }, (_, i) => [-74 + Math.cos((2 * Math.PI * i) / 10_000) / 100, 40.7 + Math.sin((2 * Math.PI * i) / 10_000) / 100]);
    ring[ring.length - 1] = ring[0]!;
    const response = await ctx.api.request('POST', '/api/agencies', {
      token: await adminToken(ctx),
      body: { name: 'Ring PD', kind: 'police', city: 'Testville', state: 'NY', zip: '10001', partnerSince: '2019-08-28', jurisdiction: { type: 'Polygon', coordinates: [ring] } },
    });
    expect(response.body).toMatchObject(refusal('jurisdiction.coordinates'));
    expect(response.body.message).toMatch(/more than 10000 positions/);
  });

  it('names at most 50 invalid fields, each at most 200 characters, in a message of at most 2,000', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`field${i}${'x'.repeat(i === 0 ? 5000 : 0)}`, 1]));
    const response = await ctx.api.request('POST', '/api/cameras', { token: owner.token, body: { label: 'Porch', location: { lat: 40.7, lng: -74 }, ...unknown } });
    expect(response.status).toBe(400);
    expect(response.body.details).toHaveLength(50);
    expect(response.body.details[0].field).toHaveLength(200);
    expect(response.body.message.length).toBeLessThanOrEqual(2000);
  });
});
