import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, consentWorld, newNeighbor, newRequest, type Neighbor } from '../support/consent-fixtures.js';
import { north, usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const HOUR_SECONDS = 3600;

/**
 * Telling owners after an override (invariant 6): where the policy sets a notice period, each
 * owner it reached is told by its end in simulated time, and the sandbox clock answers `ready`
 * only once the notices exist; where it sets none, nobody is ever told.
 */
describe('owners told of an override, on simulated time', () => {
  const ctx = useTestContext({ worker: true });
  let admin: string;
  let officer: TestUser;
  let moderator: TestUser;
  let spot = 0;

  const advance = async (seconds: number) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: seconds } });
    expect(response.body.status).toBe('ready');
  };
  const inbox = async (user: TestUser) =>
    (await ctx.api.request<{ items: { type: string; title: string; body: string; data: Record<string, string> }[] }>('GET', '/api/me/notifications?limit=100', { token: user.token }))
      .body.items;
  const notices = async (user: TestUser) => (await inbox(user)).filter((item) => item.type === 'override.owners_told');

  /** An approved emergency override over a neighbour of its own, under the active policy. */
  const approvedOverride = async (): Promise<{ owner: Neighbor; requestId: string; overrideId: string }> => {
    const meters = ++spot * 900;
    const owner = await newNeighbor(ctx, 1, meters);
    const requestId = await newRequest(ctx, officer, { area: { center: north(CENTER, meters), radiusMeters: 250 } });
    const created = await ctx.api.request<{ id: string; status: string }>('POST', '/api/portal/overrides', {
      token: officer.token,
      body: { requestId, basis: 'emergency', justification: 'A child is missing' },
    });
    expect(created.status).toBe(201);
    if (created.body.status === 'pending') {
      const decided = await ctx.api.request('POST', `/api/moderation/overrides/${created.body.id}/decision`, {
        token: moderator.token,
        body: { approve: true, reason: 'Emergency confirmed with dispatch' },
      });
      expect(decided.status).toBe(200);
    }
    return { owner, requestId, overrideId: created.body.id };
  };

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    moderator = await newModerator(ctx);
  });

  it('under privacy-by-design tells each owner within 24 h of the approval, and the clock waits for the notice', async () => {
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    const { owner, overrideId } = await approvedOverride();
    await advance(23 * HOUR_SECONDS);
    expect(await notices(owner)).toEqual([]);

    await advance(HOUR_SECONDS);
    // No polling: `ready` means the due task ran and its notice went through outbox and fan-out.
    const [notice, ...more] = await notices(owner);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ title: 'Police were given your footage without your consent', data: { overrideId } });
    expect(notice!.body).toContain('Test Police Department');

    const told = await ctx.dataSource.query(`SELECT actor FROM audit_event WHERE action = 'override.owners_told' AND subject = $1`, [`override:${overrideId}`]);
    expect(told).toEqual([{ actor: 'system' }]);
    await advance(48 * HOUR_SECONDS);
    expect(await notices(owner)).toHaveLength(1);
  });

  it('keeps the notice the policy promised at approval, whatever the policy says later', async () => {
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    const { owner } = await approvedOverride();
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    await advance(24 * HOUR_SECONDS);
    expect(await notices(owner)).toHaveLength(1);
  });

  it('answers ready only once what the due tasks set going exists: an expiry’s notices too', async () => {
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    const meters = ++spot * 900;
    const asked = await newNeighbor(ctx, 1, meters);
    await ctx.api.request('PUT', '/api/me/privacy', { token: asked.token, body: { policeRequests: 'receive' } });
    await newRequest(ctx, officer, { area: { center: north(CENTER, meters), radiusMeters: 250 } });
    await advance(3 * 24 * HOUR_SECONDS + 60);
    expect((await inbox(asked)).map((item) => item.type)).toContain('request.expired');
  });
  // Last: a week each, and later requests' windows must stay within the policy's look-back.
  it.each(['ring-2019', 'ring-2021'] as const)('under %s never tells the owner', async (profile) => {
    await usePolicy(ctx, admin, { profile });
    const { owner } = await approvedOverride();
    await advance(7 * 24 * HOUR_SECONDS);
    expect(await notices(owner)).toEqual([]);
  });
});
