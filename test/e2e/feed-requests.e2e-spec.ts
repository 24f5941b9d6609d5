import { FeedService } from '@app/feed';
import { cellOf } from '@app/geo';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, consentWorld, newNeighbor, newRequest, type Neighbor } from '../support/consent-fixtures.js';
import { DAY, usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

interface Post {
  id: string;
  kind: string;
  title: string;
  author: { kind: string; name: string; verified: boolean };
  request: { id: string; caseNumber: string; incidentType: string; window: { start: string; end: string }; areaCells: string[]; status: string } | null;
}

/**
 * Requests for Assistance: under `requestDelivery: public-post` (ring-2021) every footage request
 * is also its agency's public post, written once by the worker from the outbox; its status follows
 * the request; under private delivery there is none.
 */
describe('Requests for Assistance in the feed', () => {
  const ctx = useTestContext({ worker: true, env: { CLOCK_TICK_SECONDS: '3600' } });
  let admin: string;
  let officer: TestUser;
  let owners: Neighbor[];

  /** Moves the sandbox clock; its answer waits until the outbox and its handlers are idle. */
  const settle = async (seconds = 1) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: seconds } });
    expect(response.body.status).toBe('ready');
  };
  const feedPosts = async (reader: TestUser) =>
    (await ctx.api.request('GET', `/api/feed?lat=${CENTER.lat}&lng=${CENTER.lng}&radiusMeters=1000&limit=100`, { token: reader.token })).body.items as Post[];
  const postOf = async (reader: TestUser, requestId: string) => (await feedPosts(reader)).find((post) => post.request?.id === requestId);

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    owners = [await newNeighbor(ctx, 1), await newNeighbor(ctx, 1, 100)];
  });

  it("posts each request publicly under ring-2021 as its agency's verified post: case, type, window and area cells, never whom it asked", async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const requestId = await newRequest(ctx, officer, { caseNumber: 'RFA-1' });
    await settle();

    const post = await postOf(owners[0]!, requestId);
    expect(post).toMatchObject({
      kind: 'request-for-assistance',
      title: 'Request for assistance: package-theft',
      author: { kind: 'agency', name: 'Test Police Department', verified: true },
      request: { caseNumber: 'RFA-1', incidentType: 'package-theft', status: 'open' },
    });
    expect(post!.request!.areaCells).toContain(cellOf(CENTER));
    expect(post!.request!.areaCells.length).toBeGreaterThan(1);
    const text = JSON.stringify(post);
    for (const owner of owners) {
      expect(text).not.toContain(owner.id);
      expect(text).not.toContain(owner.email);
      expect(text).not.toContain(owner.cameraId);
    }
    // Exactly once: the outbox handler ran, and running it again writes nothing.
    expect(await ctx.worker.get(FeedService).postRequest(requestId, ctx.dataSource.manager)).toBeNull();
    expect((await ctx.dataSource.query('SELECT count(*)::int AS n FROM feed_post WHERE request_id = $1', [requestId]))[0].n).toBe(1);
  });

  it('follows its request: closed, then expired', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const closing = await newRequest(ctx, officer, { caseNumber: 'RFA-2' });
    const expiring = await newRequest(ctx, officer, { caseNumber: 'RFA-3' });
    await settle();
    expect((await ctx.api.request('POST', `/api/portal/requests/${closing}/close`, { token: officer.token })).status).toBe(200);
    expect((await postOf(owners[0]!, closing))!.request!.status).toBe('closed');

    await settle(8 * DAY / 1000);
    expect((await postOf(owners[0]!, expiring))!.request!.status).toBe('expired');
  });

  it('leaves the feed with its request when the request is deleted', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019', requestDelivery: 'public-post' });
    const requestId = await newRequest(ctx, officer, { caseNumber: 'RFA-4' });
    await settle();
    const post = await postOf(owners[1]!, requestId);
    expect(post).toBeDefined();
    expect((await ctx.api.request('DELETE', `/api/portal/requests/${requestId}`, { token: officer.token })).status).toBe(204);
    expect(await postOf(owners[1]!, requestId)).toBeUndefined();
    expect((await ctx.api.request('GET', `/api/posts/${post!.id}`, { token: owners[1]!.token })).status).toBe(404);
  });

  it('posts nothing where requests are private to the owners asked (ring-2019, privacy-by-design)', async () => {
    for (const profile of ['ring-2019', 'privacy-by-design']) {
      await usePolicy(ctx, admin, { profile });
      const requestId = await newRequest(ctx, officer, { caseNumber: `PRIVATE-${profile}`, ...(profile === 'privacy-by-design' && { area: { center: CENTER, radiusMeters: 150 } }) });
      await settle();
      expect(await postOf(owners[0]!, requestId)).toBeUndefined();
      expect((await ctx.dataSource.query('SELECT count(*)::int AS n FROM feed_post WHERE request_id = $1', [requestId]))[0].n).toBe(0);
    }
  });
});
