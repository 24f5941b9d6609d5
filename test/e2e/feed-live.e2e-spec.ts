import { cellCenter, cellOf } from '@app/geo';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, consentWorld, newNeighbor, newRequest } from '../support/consent-fixtures.js';
import { connect, type RealtimeClient } from '../support/realtime-client.js';
import { north, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

interface LivePost {
  id: string;
  kind: string;
  cell: string;
  location: { lat: number; lng: number };
  mine: boolean;
}

/** A point off its cell's centre, so the exact place would show if it leaked. */
const EXACT = { lat: 40.7012345, lng: -74.0054321 };

/**
 * The live feed on /realtime: a client follows an area with `feed.subscribe`, and gets each new
 * post whose cell centre lies in it — once, as the HTTP API shows it, pushed by the worker from the
 * outbox. Nobody outside the circle gets it, even in the same coarse room.
 */
describe('the live feed', () => {
  const ctx = useTestContext({ worker: true });
  let admin: string;
  const clients: RealtimeClient[] = [];
  let author: TestUser;
  let near: RealtimeClient;
  let edge: RealtimeClient;
  let far: RealtimeClient;
  let silent: RealtimeClient;
  let authorClient: RealtimeClient;

  const open = async (user: TestUser) => {
    const client = await connect(ctx, user.token);
    clients.push(client);
    return client;
  };
  const subscribe = (client: RealtimeClient, payload: unknown) => client.socket.timeout(5000).emitWithAck('feed.subscribe', payload);
  const post = async (by: TestUser, location: { lat: number; lng: number }, body = 'A ladder left by the fence.') => {
    const response = await ctx.api.request('POST', '/api/posts', { token: by.token, body: { category: 'safety', title: 'Ladder', body, location } });
    expect(response.status).toBe(201);
    return response.body as LivePost & { status: string };
  };
  const received = (client: RealtimeClient, id: string) => (client.of('feed.post') as LivePost[]).filter((item) => item.id === id);

  beforeAll(async () => {
    admin = await adminToken(ctx);
    await consentWorld(ctx);
    author = await newResident(ctx);
    near = await open(await newResident(ctx));
    edge = await open(await newResident(ctx));
    far = await open(await newResident(ctx));
    silent = await open(await newResident(ctx));
    authorClient = await open(author);
    expect(await subscribe(near, { lat: CENTER.lat, lng: CENTER.lng, radiusMeters: 1500 })).toEqual({ subscribed: true, center: CENTER, radiusMeters: 1500 });
    // 2.5 km north with 1 km: the same coarse cells as CENTER, but the circle misses it.
    await subscribe(edge, { ...north(CENTER, 2500), radiusMeters: 1000 });
    await subscribe(far, { ...north(CENTER, 20_000), radiusMeters: 5000 });
    await subscribe(authorClient, { ...CENTER, radiusMeters: 500 });
  });
  afterAll(() => clients.forEach((client) => client.close()));

  it('pushes a new post once to each subscriber whose circle holds it, snapped to its cell; nobody else', async () => {
    const created = await post(author, EXACT);
    await waitFor(() => received(near, created.id).length > 0, { what: 'the post to reach the subscriber near it' });
    // Markers after it, in the others' circles: each socket's events arrive in order.
    const toEdge = await post(author, north(CENTER, 2500));
    const toFar = await post(author, north(CENTER, 20_000));
    await waitFor(() => received(edge, toEdge.id).length > 0 && received(far, toFar.id).length > 0, { what: 'the markers' });

    const [pushed] = received(near, created.id);
    expect(received(near, created.id)).toHaveLength(1);
    expect(pushed).toMatchObject({ id: created.id, cell: cellOf(EXACT), location: cellCenter(cellOf(EXACT)), mine: false, kind: 'post' });
    expect(JSON.stringify(pushed)).not.toContain('7012345');
    expect(JSON.stringify(pushed)).not.toContain(author.id);
    await waitFor(() => received(authorClient, created.id).length > 0, { what: "the author's own push" });
    expect(received(authorClient, created.id)[0]!.mine).toBe(true);
    expect(received(edge, created.id)).toEqual([]);
    expect(received(far, created.id)).toEqual([]);
    expect(silent.of('feed.post')).toEqual([]);
  });

  it('answers a bad subscription with an error event naming the contract code, and keeps the connection', async () => {
    const client = await open(await newResident(ctx));
    for (const payload of ['nonsense', null, [1, 2], { lat: 200, lng: 0, radiusMeters: 100 }, { lat: 40, lng: -74, radiusMeters: 5001 }, { lat: 40, lng: -74 }, { lat: 40, lng: -74, radiusMeters: 10, extra: 1 }]) {
      expect(await subscribe(client, payload)).toEqual({ subscribed: false });
    }
    const errors = client.of('error') as { event: string; code: string; details: unknown }[];
    expect(errors).toHaveLength(7);
    expect(errors.every((error) => error.event === 'feed.subscribe' && error.code === 'VALIDATION_FAILED')).toBe(true);
    expect(client.socket.connected).toBe(true);
    expect(await subscribe(client, { ...CENTER, radiusMeters: 100 })).toMatchObject({ subscribed: true, radiusMeters: 100 });
  });

  it('stops after feed.unsubscribe, and moves with a new subscription', async () => {
    const mover = await open(await newResident(ctx));
    await subscribe(mover, { ...CENTER, radiusMeters: 1000 });
    expect(await mover.socket.timeout(5000).emitWithAck('feed.unsubscribe', null)).toEqual({ subscribed: false });
    const missed = await post(author, CENTER);
    await subscribe(mover, { ...north(CENTER, 20_000), radiusMeters: 1000 });
    const caught = await post(author, north(CENTER, 20_000));
    await waitFor(() => received(mover, caught.id).length > 0 && received(near, missed.id).length > 0, { what: 'the pushes' });
    expect(received(mover, missed.id)).toEqual([]);
  });

  it('pushes a held post only once a moderator publishes it, and Requests for Assistance when they are posted', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const held = await post(author, CENTER, 'A black man walking around the block twice.');
    expect(held.status).toBe('held');
    const moderator = await newModerator(ctx);
    await newNeighbor(ctx, 1);
    const officer = (await consentWorld(ctx)).officer;
    const requestId = await newRequest(ctx, officer, { caseNumber: 'LIVE-1' });
    await waitFor(() => (near.of('feed.post') as LivePost[]).some((item) => item.kind === 'request-for-assistance'), { what: 'the Request for Assistance' });
    expect((near.of('feed.post') as (LivePost & { request: { id: string } | null })[]).filter((item) => item.request?.id === requestId)).toHaveLength(1);
    expect(received(near, held.id)).toEqual([]);

    expect((await ctx.api.request('POST', `/api/moderation/posts/${held.id}/decision`, { token: moderator.token, body: { action: 'keep', reason: 'Fine' } })).status).toBe(200);
    await waitFor(() => received(near, held.id).length > 0, { what: 'the kept post' });
    expect(received(near, held.id)).toHaveLength(1);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
  });
});
