import { UsersService } from '@app/identity';
import { PROFILES, RULE_FIELD_NAMES } from '@app/policy';
import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { TEST_ADMIN_PASSWORD, TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext, type TestContext } from '../support/test-context.js';

const adminToken = async (ctx: TestContext): Promise<string> => {
  const admin = await ctx.api.app.get(UsersService).ensureAdmin();
  const login = await ctx.api.request('POST', '/api/auth/login', { body: { email: admin.email, password: TEST_ADMIN_PASSWORD } });
  return login.body.accessToken as string;
};

describe('policy over HTTP: public read, admin switch and change, audited', () => {
  const ctx = useTestContext();
  let admin: string;
  let resident: string;

  const put = (body: unknown, token = admin) => ctx.api.request('PUT', '/api/policy', { token, body });
  const get = () => ctx.api.request('GET', '/api/policy');
  const policyEvents = (): Promise<{ actor: string; data: Record<string, unknown> }[]> =>
    ctx.dataSource.query(`SELECT actor, data FROM audit_event WHERE action = 'policy.changed' ORDER BY seq`);

  beforeAll(async () => {
    admin = await adminToken(ctx);
    const registered = await ctx.api.request('POST', '/api/auth/register', {
      body: { email: 'resident@example.org', password: 'a-long-enough-password', displayName: 'Resident' },
    });
    resident = registered.body.accessToken;
  });
  // Each test starts from the configured default, as a fresh database does.
  beforeEach(() => ctx.dataSource.query('DELETE FROM policy_setting'));

  it('shows the active policy to anyone: ring-2019 by default, with every rule', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ profile: 'ring-2019', ...PROFILES['ring-2019'] });
    expect(Object.keys(response.body).sort()).toEqual(['profile', ...RULE_FIELD_NAMES].sort());
  });

  it('lets an admin switch profile; the switch is what everyone then reads, and it is audited', async () => {
    const before = (await policyEvents()).length;
    const response = await put({ profile: 'privacy-by-design' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ profile: 'privacy-by-design', ...PROFILES['privacy-by-design'] });
    expect((await get()).body).toEqual(response.body);

    const events = await policyEvents();
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.actor).toMatch(/^user:[0-9a-f-]{36}$/);
    expect(event.data).toMatchObject({
      from: 'ring-2019',
      to: 'privacy-by-design',
      changed: { coverageKAnonymity: { from: 1, to: 5 }, requestsDefault: { from: 'opt-out', to: 'opt-in' } },
    });
    expect(event.data.changed).not.toHaveProperty('caseNumberRequired');
  });

  it('changes single fields and keeps the profile and every other rule', async () => {
    await put({ profile: 'ring-2021' });
    const response = await put({ coverageKAnonymity: 4, heatmapMinPosts: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...PROFILES['ring-2021'], profile: 'ring-2021', coverageKAnonymity: 4, heatmapMinPosts: null });
    expect((await put({ defaultRetentionDays: 90 })).body).toMatchObject({ coverageKAnonymity: 4, defaultRetentionDays: 90 });
    expect((await policyEvents()).at(-1)!.data).toEqual({
      from: 'ring-2021',
      to: 'ring-2021',
      changed: { defaultRetentionDays: { from: 60, to: 90 } },
    });
  });

  it('starts again from the shipped values when a profile is given, keeping only the fields given with it', async () => {
    await put({ coverageKAnonymity: 9 });
    const response = await put({ profile: 'ring-2021', maxOpenRequestsPerCase: 5 });
    expect(response.body).toEqual({ ...PROFILES['ring-2021'], profile: 'ring-2021', maxOpenRequestsPerCase: 5 });
    expect((await put({ profile: 'ring-2021' })).body).toEqual({ profile: 'ring-2021', ...PROFILES['ring-2021'] });
  });

  it.each([
    ['an empty body', {}, 'profile'],
    ['an unknown field', { kAnonymity: 3 }, 'kAnonymity'],
    ['a string for a number', { coverageKAnonymity: '3' }, 'coverageKAnonymity'],
    ['a fraction for a count', { coverageKAnonymity: 2.5 }, 'coverageKAnonymity'],
    ['a negative area', { minAreaSquareMeters: -1 }, 'minAreaSquareMeters'],
    ['a negative duration', { maxLookbackSeconds: -60 }, 'maxLookbackSeconds'],
    ['null where a rule needs a value', { maxWindowSeconds: null }, 'maxWindowSeconds'],
    ['retention beyond 180 days', { defaultRetentionDays: 181 }, 'defaultRetentionDays'],
    ['an unknown enum value', { requestsDefault: 'sometimes' }, 'requestsDefault'],
    ['an unknown purpose', { prohibitedPurposes: ['jaywalking'] }, 'prohibitedPurposes'],
    ['an unknown profile', { profile: 'ring-2031' }, 'profile'],
    ['a minimum area above the maximum', { minAreaSquareMeters: 2e6, maxAreaSquareMeters: 1e6 }, 'minAreaSquareMeters'],
    ['a maximum window below the profile minimum', { profile: 'ring-2021', maxWindowSeconds: 60 }, 'maxWindowSeconds'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_case, body, field) => {
    const events = (await policyEvents()).length;
    const response = await put(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect((await get()).body).toEqual({ profile: 'ring-2019', ...PROFILES['ring-2019'] });
    expect(await policyEvents()).toHaveLength(events);
  });

  it('names both fields when a minimum exceeds its maximum', async () => {
    const response = await put({ minWindowSeconds: 7200, maxWindowSeconds: 3600 });
    expect(response.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'maxWindowSeconds',
      'minWindowSeconds',
    ]);
  });

  it('lets only admins change the policy: 403 for a resident, 401 without a token', async () => {
    expect((await put({ profile: 'ring-2021' }, resident)).status).toBe(403);
    expect((await ctx.api.request('PUT', '/api/policy', { body: { profile: 'ring-2021' } })).status).toBe(401);
    expect((await get()).body.profile).toBe('ring-2019');
  });

  it('goes back to the default profile after a sandbox reset', async () => {
    await put({ profile: 'privacy-by-design', coverageKAnonymity: 8 });
    const reset = await ctx.api.request('POST', '/api/sandbox/reset', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY } });
    expect(reset.status).toBe(200);
    expect((await get()).body).toEqual({ profile: 'ring-2019', ...PROFILES['ring-2019'] });
    admin = reset.body.adminToken;
  });
});

describe('policy default from DEFAULT_POLICY_PROFILE', () => {
  const ctx = useTestContext({ env: { DEFAULT_POLICY_PROFILE: 'ring-2021' } });

  it('is the active policy until an admin picks one, and again after a sandbox reset', async () => {
    expect((await ctx.api.request('GET', '/api/policy')).body).toEqual({ profile: 'ring-2021', ...PROFILES['ring-2021'] });
    const token = await adminToken(ctx);
    await ctx.api.request('PUT', '/api/policy', { token, body: { profile: 'ring-2019' } });
    expect((await ctx.api.request('GET', '/api/policy')).body.profile).toBe('ring-2019');
    await ctx.api.request('POST', '/api/sandbox/reset', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY } });
    expect((await ctx.api.request('GET', '/api/policy')).body.profile).toBe('ring-2021');
  });
});
