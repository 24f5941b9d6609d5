import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newOfficer, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { connect, type RealtimeClient } from '../support/realtime-client.js';
import { DAY, HOUR, usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

const SECONDS_PER_DAY = DAY / 1000;
const BBOX = `${CENTER.lng - 0.01},${CENTER.lat - 0.01},${CENTER.lng + 0.01},${CENTER.lat + 0.01}`;

interface Counts {
  notified: number | null;
  shared: number;
  declined: number;
  pending: number | null;
}
interface Request {
  id: string;
  status: string;
  expiresAt: string;
  counts: Counts;
  review: { status: string; reason: string | null; reviewedAt: string | null } | null;
}
interface Notification {
  type: string;
  body: string;
  channels: string[];
  data: { requestId?: string };
}
interface SharedOwner {
  pseudonym: string;
  name?: string;
  email?: string;
  recordings: { id: string; access: string; camera?: unknown }[];
}

/**
 * DESIGN.md's `ring-2025` (Ring's Community Requests, 2025): ring-2021 except review before
 * publication, reminders at 24 h, 72 h, 10 and 28 days, a 30-day expiry, owners who share shown
 * by name and email, no federal agencies, no coverage or heat map, notices by push and email, and
 * no trace, for the agency, of an owner who ignores a request.
 */
describe('the ring-2025 profile as shipped', () => {
  const ctx = useTestContext({ worker: true, env: { CLOCK_TICK_SECONDS: '3600' } });
  let admin: string;
  let officer: TestUser;
  let moderator: TestUser;
  let sharing: Neighbor;
  let declining: Neighbor;
  let silent: Neighbor;
  let agencySocket: RealtimeClient;
  let requestId: string;

  const advance = async (seconds: number) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: seconds } });
    expect(response.body.status).toBe('ready');
  };
  const inbox = async (user: TestUser, type: string) =>
    ((await ctx.api.request('GET', '/api/me/notifications?limit=100', { token: user.token })).body.items as Notification[]).filter(
      (item) => item.type === type && item.data.requestId === requestId,
    );
  const view = async () => (await ctx.api.request('GET', `/api/portal/requests/${requestId}`, { token: officer.token })).body as Request;

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    moderator = await newModerator(ctx);
    sharing = await newNeighbor(ctx, 2, 0, 'Sharon Sharer');
    declining = await newNeighbor(ctx, 1, 40);
    silent = await newNeighbor(ctx, 1, 80);
    await usePolicy(ctx, admin, { profile: 'ring-2025' });
    agencySocket = await connect(ctx, officer.token);
  });

  afterAll(() => agencySocket.close());

  it('is listed beside the three others, and is in force once switched to', async () => {
    const listed = await ctx.api.request('GET', '/api/policy/profiles');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { profile: string }) => item.profile)).toEqual(['ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025']);
    const { summary, ...shipped } = listed.body.items[3];
    expect(summary).toContain('Community Requests');
    expect((await ctx.api.request('GET', '/api/policy')).body).toEqual(shipped);
  });

  it('gives police neither the coverage map nor the heat map (403 naming the rule)', async () => {
    const coverage = await ctx.api.request('GET', `/api/portal/coverage?bbox=${BBOX}`, { token: officer.token });
    expect(coverage.status).toBe(403);
    expect(coverage.body).toMatchObject({ code: 'POLICY_COVERAGE_FORBIDDEN', details: { rule: 'coverageKAnonymity' } });
    const heatmap = await ctx.api.request('GET', `/api/portal/heatmap?bbox=${BBOX}`, { token: officer.token });
    expect(heatmap.status).toBe(403);
    expect(heatmap.body).toMatchObject({ code: 'POLICY_HEATMAP_FORBIDDEN', details: { rule: 'heatmapMinPosts' } });
  });

  it('refuses a federal agency with 422 naming the rule', async () => {
    const federal = await newOfficer(ctx, 'officer', 'federal');
    const refused = await ctx.api.request('POST', '/api/portal/requests', {
      token: federal.token,
      body: {
        caseNumber: 'ICE-1',
        incidentType: 'burglary',
        description: 'Back door forced',
        window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
        area: { center: CENTER, radiusMeters: 300 },
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'POLICY_AGENCY_NOT_ELIGIBLE', details: { rule: 'eligibleAgencyKinds', value: 'federal' } });
  });

  it('holds a new request for review, and lets nothing be claimed through it meanwhile', async () => {
    requestId = await newRequest(ctx, officer, { caseNumber: 'CR-2025-1' });
    expect(await view()).toMatchObject({ status: 'pending-review', review: { status: 'pending' } });
    const override = await ctx.api.request('POST', '/api/portal/overrides', {
      token: officer.token,
      body: { requestId, basis: 'emergency', justification: 'A child is missing' },
    });
    expect(override.status).toBe(409);
    expect(override.body).toMatchObject({ code: 'REQUEST_NOT_APPROVED', details: { status: 'pending-review' } });
    await advance(60);
    expect(await inbox(silent, 'request.created')).toEqual([]);
  });

  it('on approval asks the owners by push and email, and never tells the agency how many it asked', async () => {
    const approved = await ctx.api.request('POST', `/api/moderation/requests/${requestId}/decision`, { token: moderator.token, body: { approve: true, reason: 'Case on file' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'open', counts: { notified: null, pending: null, shared: 0, declined: 0 } });
    expect(new Date(approved.body.expiresAt).getTime()).toBe(new Date(approved.body.review.reviewedAt).getTime() + 30 * DAY);
    await advance(60);
    for (const owner of [sharing, declining, silent]) {
      expect((await inbox(owner, 'request.created')).map((item) => item.channels)).toEqual([['in-app', 'push', 'email']]);
    }
  });

  it('shows an owner who shares by name and email, never the address; the receipt says so', async () => {
    const shared = await respond(ctx, sharing, requestId, { decision: 'share' });
    expect(shared.status).toBe(201);
    expect(shared.body.dataCategories).toEqual(['video', 'contact']);
    const footage = await ctx.api.request('GET', `/api/portal/requests/${requestId}/footage`, { token: officer.token });
    const owners = footage.body.owners as SharedOwner[];
    expect(owners).toHaveLength(1);
    expect(owners[0]).toMatchObject({ name: 'Sharon Sharer', email: sharing.email });
    expect(owners[0]!.recordings.map((recording) => recording.id).sort()).toEqual([...sharing.recordingIds].sort());
    for (const recording of owners[0]!.recordings) expect(recording.camera).toBeUndefined();
  });

  it('tells the agency of shares and declines, with no count of owners who have not answered', async () => {
    expect((await respond(ctx, declining, requestId, { decision: 'decline' })).status).toBe(201);
    await advance(60);
    expect((await view()).counts).toEqual({ notified: null, pending: null, shared: 1, declined: 1, excluded: expect.any(Object) });
    const told = await inbox(officer, 'consent.refused');
    expect(told.map((item) => item.body)).toEqual(['1 shared, 1 declined']);
    await waitFor(() => agencySocket.of('request.updated').length >= 2);
    for (const update of agencySocket.of('request.updated')) expect(update.counts).toMatchObject({ notified: null, pending: null });
    expect(JSON.stringify(agencySocket.of('notification'))).not.toContain('pending');
  });

  it('reminds the owner who ignores it at 24 h and 72 h, once each, by push and email; none to those who answered', async () => {
    await advance(3 * SECONDS_PER_DAY);
    expect((await inbox(silent, 'request.reminded')).map((item) => item.channels)).toEqual([
      ['in-app', 'push', 'email'],
      ['in-app', 'push', 'email'],
    ]);
    for (const owner of [sharing, declining]) expect(await inbox(owner, 'request.reminded')).toEqual([]);
  });

  it('expires 30 days after approval, after the 10- and 28-day reminders, and still shows no unanswered count', async () => {
    await advance(27 * SECONDS_PER_DAY);
    expect(await inbox(silent, 'request.reminded')).toHaveLength(4);
    const expired = await view();
    expect(expired).toMatchObject({ status: 'expired', counts: { notified: null, pending: null, shared: 1, declined: 1 } });
    await advance(30 * SECONDS_PER_DAY);
    expect(await inbox(silent, 'request.reminded')).toHaveLength(4);
  });
});

/**
 * The same rules as fields any profile can use (here ring-2019), fixed on a request when it
 * reaches owners: a later policy change neither reveals who ignored it nor changes its channels.
 */
describe("ring-2025's notice rules switched on under another profile", () => {
  const ctx = useTestContext({ worker: true });
  let admin: string;
  let officer: TestUser;
  let owner: Neighbor;

  const settle = async () => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: 1 } });
    expect(response.body.status).toBe('ready');
  };
  const noticeOf = async (requestId: string) =>
    ((await ctx.api.request('GET', '/api/me/notifications?limit=100', { token: owner.token })).body.items as Notification[]).find(
      (item) => item.type === 'request.created' && item.data.requestId === requestId,
    );
  const countsOf = async (requestId: string) => ((await ctx.api.request('GET', `/api/portal/requests/${requestId}`, { token: officer.token })).body as Request).counts;
  const ownersSeen = async (requestId: string) =>
    (await ctx.api.request('GET', `/api/portal/requests/${requestId}/footage`, { token: officer.token })).body.owners as SharedOwner[];

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    owner = await newNeighbor(ctx, 1, 0, 'Olive Owner');
  });

  it('keeps ring-2019 as shipped: every count for the agency, notices in the inbox only', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    const requestId = await newRequest(ctx, officer);
    expect(await countsOf(requestId)).toMatchObject({ notified: 1, pending: 1 });
    await settle();
    expect((await noticeOf(requestId))?.channels).toEqual(['in-app']);
  });

  it('hides the unanswered from the agency and records the email channel, for good, once switched on', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019', agencySeesUnanswered: false, requestNoticeChannels: ['email'] });
    const requestId = await newRequest(ctx, officer);
    expect(await countsOf(requestId)).toMatchObject({ notified: null, pending: null, shared: 0, declined: 0 });
    await settle();
    expect((await noticeOf(requestId))?.channels).toEqual(['in-app', 'email']);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    expect(await countsOf(requestId)).toMatchObject({ notified: null, pending: null });
  });

  it('shows a sharing owner by name and email without the address under ownerShownAs name-and-email, by consent and by override', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019', ownerShownAs: 'name-and-email' });
    const consented = await newRequest(ctx, officer);
    expect((await respond(ctx, owner, consented, { decision: 'share' })).body.dataCategories).toEqual(['video', 'contact']);
    const [byConsent] = await ownersSeen(consented);
    expect(byConsent).toMatchObject({ name: 'Olive Owner', email: owner.email });
    expect(byConsent!.recordings.every((recording) => recording.camera === undefined)).toBe(true);

    // ring-2019 grants an emergency on the spot: the override is approved under name-and-email.
    const overridden = await newRequest(ctx, officer);
    const claimed = await ctx.api.request('POST', '/api/portal/overrides', {
      token: officer.token,
      body: { requestId: overridden, basis: 'emergency', justification: 'A child is missing' },
    });
    expect(claimed.body.status).toBe('approved');
    const [byOverride] = await ownersSeen(overridden);
    expect(byOverride).toMatchObject({ name: 'Olive Owner', email: owner.email });
    expect(byOverride!.recordings.map((recording) => [recording.access, recording.camera])).toEqual([['override', undefined]]);

    // ring-2021 as shipped still gives the address: the camera's place.
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const identified = await newRequest(ctx, officer);
    expect((await respond(ctx, owner, identified, { decision: 'share' })).body.dataCategories).toEqual(['video', 'identity']);
    const [withAddress] = await ownersSeen(identified);
    expect(withAddress!.recordings[0]!.camera).toMatchObject({ location: expect.any(Object) });
  });
});
