import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newResident } from '../support/cameras-fixtures.js';
import { useTestContext } from '../support/test-context.js';

describe('privacy settings: an owner’s choices, and the policy’s defaults for choices never made', () => {
  const ctx = useTestContext();
  let admin: string;

  beforeAll(async () => {
    admin = await adminToken(ctx);
  });
  afterEach(async () => {
    expect((await ctx.api.request('PUT', '/api/policy', { token: admin, body: { profile: 'ring-2019' } })).status).toBe(200);
  });

  const switchTo = async (profile: string) =>
    expect((await ctx.api.request('PUT', '/api/policy', { token: admin, body: { profile } })).status).toBe(200);
  const view = async (token: string) => {
    const response = await ctx.api.request('GET', '/api/me/privacy', { token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const put = (token: string, body: unknown) => ctx.api.request('PUT', '/api/me/privacy', { token, body });

  it('a resident who never chose gets the opt-out defaults of ring-2019, marked as defaults', async () => {
    const ann = await newResident(ctx);
    expect(await view(ann.token)).toEqual({
      policeRequests: 'receive',
      policeRequestsIsDefault: true,
      retentionDays: 60,
      retentionDaysIsDefault: true,
      endToEndEncryption: false,
    });
  });

  it('switching to the opt-in profile changes what a resident who never chose gets', async () => {
    const ann = await newResident(ctx);
    await switchTo('privacy-by-design');
    expect(await view(ann.token)).toMatchObject({
      policeRequests: 'block',
      policeRequestsIsDefault: true,
      retentionDays: 30,
      retentionDaysIsDefault: true,
    });
    await switchTo('ring-2021');
    expect(await view(ann.token)).toMatchObject({ policeRequests: 'receive', retentionDays: 60 });
  });

  it('a choice once made survives a policy switch; null puts it back to the default', async () => {
    const ann = await newResident(ctx);
    const chosen = await put(ann.token, { policeRequests: 'receive', retentionDays: 7 });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({
      policeRequests: 'receive',
      policeRequestsIsDefault: false,
      retentionDays: 7,
      retentionDaysIsDefault: false,
      endToEndEncryption: false,
    });
    await switchTo('privacy-by-design');
    expect(await view(ann.token)).toMatchObject({ policeRequests: 'receive', retentionDays: 7 });
    const reset = await put(ann.token, { policeRequests: null });
    expect(reset.body).toMatchObject({ policeRequests: 'block', policeRequestsIsDefault: true, retentionDays: 7 });
  });

  it('a change is partial: fields left out stay as they were', async () => {
    const ann = await newResident(ctx);
    await put(ann.token, { policeRequests: 'block', retentionDays: 90 });
    const response = await put(ann.token, { endToEndEncryption: true });
    expect(response.body).toEqual({
      policeRequests: 'block',
      policeRequestsIsDefault: false,
      retentionDays: 90,
      retentionDaysIsDefault: false,
      endToEndEncryption: true,
    });
  });

  it('stores "never chose" as NULL, not as the default of the day', async () => {
    const ann = await newResident(ctx);
    await put(ann.token, { endToEndEncryption: true });
    expect(await ctx.dataSource.query('SELECT police_requests, retention_days FROM privacy_setting WHERE user_id = $1', [ann.id])).toEqual([
      { police_requests: null, retention_days: null },
    ]);
  });

  it('audits each change as privacy.updated with the stored values before and after', async () => {
    const ann = await newResident(ctx);
    await put(ann.token, { retentionDays: 1 });
    await put(ann.token, { retentionDays: 180, policeRequests: 'block' });
    const events = await ctx.dataSource.query(
      "SELECT actor, subject, data FROM audit_event WHERE action = 'privacy.updated' AND subject = $1 ORDER BY seq",
      [`user:${ann.id}`],
    );
    expect(events).toEqual([
      { actor: `user:${ann.id}`, subject: `user:${ann.id}`, data: { from: { retentionDays: null }, to: { retentionDays: 1 } } },
      {
        actor: `user:${ann.id}`,
        subject: `user:${ann.id}`,
        data: { from: { policeRequests: null, retentionDays: 1 }, to: { policeRequests: 'block', retentionDays: 180 } },
      },
    ]);
  });

  it.each([
    ['an empty body', {}],
    ['retention of 0 days', { retentionDays: 0 }],
    ['retention of 181 days', { retentionDays: 181 }],
    ['a fractional retention', { retentionDays: 1.5 }],
    ['retention as a string', { retentionDays: '30' }],
    ['an unknown police-requests choice', { policeRequests: 'sometimes' }],
    ['encryption as a string', { endToEndEncryption: 'yes' }],
    ['encryption set to null', { endToEndEncryption: null }],
    ['an unknown field', { policeRequests: 'block', shareWithFbi: true }],
  ])('rejects %s with 400 and changes nothing', async (_case, body) => {
    const ann = await newResident(ctx);
    const response = await put(ann.token, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await ctx.dataSource.query('SELECT 1 FROM privacy_setting WHERE user_id = $1', [ann.id])).toEqual([]);
  });

  it('is for residents only: staff get 403, no token 401', async () => {
    expect((await ctx.api.request('GET', '/api/me/privacy', { token: admin })).status).toBe(403);
    expect((await put(admin, { policeRequests: 'block' })).status).toBe(403);
    expect((await ctx.api.request('GET', '/api/me/privacy')).status).toBe(401);
  });
});
