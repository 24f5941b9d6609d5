import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld, newNeighbor, type Neighbor } from '../support/consent-fixtures.js';
import { DAY, HOUR, usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

interface Request {
  id: string;
  status: string;
  expiresAt: string;
  counts: { notified: number };
  review: { status: string; reason: string | null; reviewedAt: string | null } | null;
}

/**
 * Review before publication (the policy's requestReview, ring-2025's rule, switched on here under
 * ring-2021): a request reaches nobody until a moderator approves it; then owners are asked, it is
 * posted, and its expiry counts from the approval. A refused one reaches nobody, with the reason.
 */
describe('footage requests reviewed before publication', () => {
  const ctx = useTestContext({ worker: true, env: { CLOCK_TICK_SECONDS: '3600' } });
  let admin: string;
  let officer: TestUser;
  let moderator: TestUser;
  let owner: Neighbor;
  let n = 0;

  const settle = async (seconds = 1) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: seconds } });
    expect(response.body.status).toBe('ready');
  };
  const create = async () => {
    const response = await ctx.api.request('POST', '/api/portal/requests', {
      token: officer.token,
      body: {
        caseNumber: `REVIEW-${++n}`,
        incidentType: 'burglary',
        description: 'Back door forced',
        window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
        area: { center: CENTER, radiusMeters: 300 },
      },
    });
    expect(response.status).toBe(201);
    return response.body as Request;
  };
  const decide = (user: TestUser, id: string, approve: boolean, reason = 'Checked') =>
    ctx.api.request('POST', `/api/moderation/requests/${id}/decision`, { token: user.token, body: { approve, reason } });
  const inbox = async (user: TestUser) => (await ctx.api.request('GET', '/api/me/notifications', { token: user.token })).body.items as { data: { requestId?: string } }[];
  const feedHas = async (requestId: string) =>
    ((await ctx.api.request('GET', `/api/feed?lat=${CENTER.lat}&lng=${CENTER.lng}&radiusMeters=1000&limit=100`, { token: owner.token })).body.items as { request: { id: string } | null }[])
      .some((post) => post.request?.id === requestId);

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    moderator = await newModerator(ctx);
    owner = await newNeighbor(ctx, 1);
    await usePolicy(ctx, admin, { profile: 'ring-2021', requestReview: true });
  });

  it('keeps a new request pending, reaching nobody, until a moderator approves it; then asks, posts and starts the expiry', async () => {
    const made = await create();
    expect(made).toMatchObject({ status: 'pending-review', counts: { notified: 0 }, review: { status: 'pending', reason: null } });
    const queue = (await ctx.api.request('GET', '/api/moderation/requests', { token: moderator.token })).body.items as Request[];
    expect(queue.map((request) => request.id)).toContain(made.id);
    await settle(2 * HOUR / 1000);
    expect((await inbox(owner)).filter((item) => item.data.requestId === made.id)).toEqual([]);
    expect(await feedHas(made.id)).toBe(false);

    const approved = await decide(moderator, made.id, true, 'Case checks out');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'open', counts: { notified: 1 }, review: { status: 'approved', reason: 'Case checks out' } });
    const reviewedAt = new Date(approved.body.review.reviewedAt).getTime();
    expect(new Date(approved.body.expiresAt).getTime()).toBe(reviewedAt + 7 * DAY);
    await settle();
    expect((await inbox(owner)).filter((item) => item.data.requestId === made.id)).toHaveLength(1);
    expect(await feedHas(made.id)).toBe(true);
    expect((await decide(moderator, made.id, false)).body.code).toBe('REQUEST_ALREADY_REVIEWED');
  });

  it('refuses a request so that it reaches nobody, and tells the officer why', async () => {
    const made = await create();
    const refused = await decide(moderator, made.id, false, 'No case on file');
    expect(refused.body).toMatchObject({ status: 'refused', counts: { notified: 0 }, review: { status: 'refused', reason: 'No case on file' } });
    await settle();
    expect((await inbox(owner)).filter((item) => item.data.requestId === made.id)).toEqual([]);
    expect(await feedHas(made.id)).toBe(false);
    const seen = await ctx.api.request('GET', `/api/portal/requests/${made.id}`, { token: officer.token });
    expect(seen.body).toMatchObject({ status: 'refused', review: { reason: 'No case on file' } });
    expect((await ctx.api.request('GET', '/api/portal/requests?status=refused', { token: officer.token })).body.items.map((r: Request) => r.id)).toContain(made.id);
    expect((await decide(moderator, made.id, true)).status).toBe(409);
  });

  it('lets only moderators review', async () => {
    const made = await create();
    for (const token of [officer.token, (await newResident(ctx)).token, admin]) {
      expect((await ctx.api.request('GET', '/api/moderation/requests', { token })).status).toBe(403);
      expect((await ctx.api.request('POST', `/api/moderation/requests/${made.id}/decision`, { token, body: { approve: true, reason: 'x' } })).status).toBe(403);
    }
    expect((await decide(moderator, '00000000-0000-4000-8000-000000000000', true)).status).toBe(404);
  });

  it('opens requests at once where the policy asks for no review (ring-2021 as shipped)', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const made = await create();
    expect(made).toMatchObject({ status: 'open', review: null });
    expect((await decide(moderator, made.id, true)).body.code).toBe('REQUEST_ALREADY_REVIEWED');
  });
});
