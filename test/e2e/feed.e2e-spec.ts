import { cellCenter, cellOf } from '@app/geo';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { newModerator, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, consentWorld, newNeighbor } from '../support/consent-fixtures.js';
import { north } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

interface Post {
  id: string;
  category: string;
  title: string;
  cell: string;
  location: { lat: number; lng: number };
  author: { kind: string; name: string; verified: boolean };
  hasVideo: boolean;
  commentCount: number;
  mine: boolean;
  createdAt: string;
}

const POST_LIMIT = 6;
const COMMENT_LIMIT = 4;

/** A point off any cell centre, with more decimals than a centre would share by chance. */
const EXACT = { lat: 40.7012345, lng: -74.0054321 };

describe('the neighbours feed: posts, comments, neighbour numbers, snapped places (invariant 7)', () => {
  const ctx = useTestContext({ env: { FEED_POST_RATE_LIMIT: String(POST_LIMIT), FEED_COMMENT_RATE_LIMIT: String(COMMENT_LIMIT) } });
  let officer: TestUser;

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
  });

  const post = (author: TestUser, body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    ctx.api.request('POST', '/api/posts', {
      token: author.token,
      headers,
      body: { category: 'crime', title: 'Package taken', body: 'From our steps around 3 pm.', location: EXACT, ...body },
    });
  const comment = (author: TestUser, postId: string, body = 'Same here.') =>
    ctx.api.request('POST', `/api/posts/${postId}/comments`, { token: author.token, body: { body } });
  const feed = (user: TestUser, query: string) => ctx.api.request('GET', `/api/feed?${query}`, { token: user.token });
  const around = (point: { lat: number; lng: number }, radiusMeters: number) => `lat=${point.lat}&lng=${point.lng}&radiusMeters=${radiusMeters}`;

  it('never shows the exact location: every read gives the H3 cell and its centre, and the point appears nowhere', async () => {
    const author = await newResident(ctx);
    const reader = await newResident(ctx);
    const created = await post(author);
    expect(created.status).toBe(201);
    const cell = cellOf(EXACT);
    expect(created.body).toMatchObject({ cell, location: cellCenter(cell), mine: true });
    expect(created.body.location).not.toEqual(EXACT);
    expect((await comment(reader, created.body.id)).status).toBe(201);

    const reads = [
      created.body,
      (await ctx.api.request('GET', `/api/posts/${created.body.id}`, { token: reader.token })).body,
      (await feed(reader, around(EXACT, 500))).body,
      (await ctx.api.request('GET', `/api/posts/${created.body.id}/comments`, { token: reader.token })).body,
    ];
    for (const read of reads) {
      const text = JSON.stringify(read);
      expect(text).not.toContain('7012345');
      expect(text).not.toContain('0054321');
      expect(text).not.toContain(author.id);
      expect(text).not.toContain(author.email);
      expect(text).not.toContain(reader.email);
    }
    expect(reads[1]).toMatchObject({ cell, location: cellCenter(cell), mine: false });
    expect((reads[2] as { items: Post[] }).items.find((item) => item.id === created.body.id)).toMatchObject({ cell, location: cellCenter(cell) });
  });

  it('shows agency staff as their verified agency and residents as a number per thread, never a name', async () => {
    const [a, b, c] = [await newResident(ctx, 'Alice Example'), await newResident(ctx, 'Bob Example'), await newResident(ctx, 'Carol Example')];
    const byAgency = await post(officer, { category: 'safety', title: 'Road closed', body: 'Main St is closed tonight.' });
    expect(byAgency.status).toBe(201);
    expect(byAgency.body.author).toEqual({ kind: 'agency', name: 'Test Police Department', verified: true });

    const first = (await post(a)).body as Post;
    expect(first.author).toEqual({ kind: 'neighbor', name: 'Neighbor #1', verified: false });
    const names = async (postId: string) =>
      ((await ctx.api.request('GET', `/api/posts/${postId}/comments`, { token: a.token })).body.items as Post[]).map((item) => item.author.name);
    for (const [who, text] of [[b, 'b'], [c, 'c'], [a, 'a again'], [b, 'b again'], [officer, 'police']] as const) {
      expect((await comment(who, first.id, text)).status).toBe(201);
    }
    expect(await names(first.id)).toEqual(['Neighbor #2', 'Neighbor #3', 'Neighbor #1', 'Neighbor #2', 'Test Police Department']);

    // In another thread the same people have unrelated numbers: nothing links them across threads.
    const second = (await post(c)).body as Post;
    expect((await comment(b, second.id)).status).toBe(201);
    expect((await comment(a, second.id)).status).toBe(201);
    expect(await names(second.id)).toEqual(['Neighbor #2', 'Neighbor #3']);
    const thread = JSON.stringify((await ctx.api.request('GET', `/api/posts/${first.id}/comments`, { token: a.token })).body);
    for (const name of ['Alice', 'Bob', 'Carol', officer.displayName]) expect(thread).not.toContain(name);
    expect((await ctx.api.request('GET', `/api/posts/${first.id}`, { token: b.token })).body.commentCount).toBe(5);
  });

  it('lists posts whose cell centre lies within the radius, newest first, by category on request', async () => {
    const author = await newResident(ctx);
    const far = north(CENTER, 4000);
    const near = (await post(author, { location: north(CENTER, 1000), category: 'lost-pet', title: 'Grey cat' })).body as Post;
    const distant = (await post(author, { location: far, category: 'lost-pet', title: 'Far cat' })).body as Post;
    const reader = await newResident(ctx);

    const within2km = (await feed(reader, `${around(CENTER, 2000)}&category=lost-pet`)).body.items as Post[];
    expect(within2km.map((item) => item.id)).toEqual([near.id]);
    const within5km = (await feed(reader, `${around(CENTER, 5000)}&category=lost-pet`)).body.items as Post[];
    expect(within5km.map((item) => item.id)).toEqual([distant.id, near.id]);
    expect(within5km.every((item) => item.category === 'lost-pet')).toBe(true);
    expect((await feed(reader, around(CENTER, 5001))).status).toBe(400);
    expect((await feed(reader, `${around(CENTER, 100)}&limit=101`)).status).toBe(400);
    expect((await feed(reader, 'lat=&lng=-74&radiusMeters=100')).status).toBe(400);
  });

  it('pages by cursor with every post seen exactly once while new posts arrive', async () => {
    const place = north(CENTER, -20_000);
    const authors = [await newResident(ctx), await newResident(ctx)];
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push(((await post(authors[i % 2]!, { location: place, title: `Post ${i}` })).body as Post).id);
    const reader = await newResident(ctx);
    const seen: string[] = [];
    let cursor: string | null = null;
    let arrivals = 0;
    do {
      const page = await feed(reader, `${around(place, 300)}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Post[]).map((item) => item.id));
      cursor = page.body.nextCursor;
      // A newer post between pages belongs to the top of the feed, not to the pages still to come.
      if (arrivals++ < 2) expect((await post(authors[0]!, { location: place, title: 'Newer' })).status).toBe(201);
    } while (cursor !== null);
    expect(seen).toEqual([...made].reverse());
    expect((await feed(reader, `${around(place, 300)}&cursor=not-a-cursor`)).body.code).toBe('CURSOR_INVALID');
  });

  it("says a video exists for the author's own recordings, refuses anyone else's and keeps nothing then", async () => {
    const owner = await newNeighbor(ctx, 1);
    const other = await newNeighbor(ctx, 1);
    const withVideo = await post(owner, { recordingIds: owner.recordingIds });
    expect(withVideo.status).toBe(201);
    expect(withVideo.body.hasVideo).toBe(true);
    expect(JSON.stringify(withVideo.body)).not.toContain(owner.recordingIds[0]);
    expect((await post(owner)).body.hasVideo).toBe(false);

    const before = (await ctx.dataSource.query('SELECT count(*)::int AS n FROM feed_post WHERE author_id = $1', [owner.id]))[0].n;
    const stolen = await post(owner, { recordingIds: [owner.recordingIds[0], other.recordingIds[0]] });
    expect(stolen.status).toBe(404);
    expect(stolen.body).toMatchObject({ code: 'RECORDING_NOT_FOUND', details: { recordingIds: [other.recordingIds[0]] } });
    const after = (await ctx.dataSource.query('SELECT count(*)::int AS n FROM feed_post WHERE author_id = $1', [owner.id]))[0].n;
    expect(after).toBe(before);
  });

  it('lets residents and agency staff post and comment, anyone signed in read, and nobody unsigned', async () => {
    const moderator = await newModerator(ctx);
    const agencyAdmin = await newOfficer(ctx, 'agency_admin');
    expect((await post(moderator)).status).toBe(403);
    const byAdmin = await post(agencyAdmin);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.author.verified).toBe(true);
    expect((await comment(moderator, byAdmin.body.id)).status).toBe(403);
    expect((await feed(moderator, around(EXACT, 300))).status).toBe(200);
    expect((await ctx.api.request('GET', `/api/posts/${byAdmin.body.id}`, { token: moderator.token })).status).toBe(200);
    expect((await ctx.api.request('GET', `/api/feed?${around(EXACT, 300)}`)).status).toBe(401);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.api.request('GET', `/api/posts/${missing}`, { token: moderator.token })).body.code).toBe('POST_NOT_FOUND');
    expect((await comment(agencyAdmin, missing)).status).toBe(404);
    expect((await ctx.api.request('GET', `/api/posts/${missing}/comments`, { token: moderator.token })).status).toBe(404);
  });

  it('limits posts and comments per user per window: 429 with Retry-After, other users unaffected', async () => {
    const busy = await newResident(ctx);
    const calm = await newResident(ctx);
    const target = (await post(calm)).body as Post;
    for (let i = 0; i < POST_LIMIT; i++) expect((await post(busy)).status).toBe(201);
    const refused = await post(busy);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(calm)).status).toBe(201);

    for (let i = 0; i < COMMENT_LIMIT; i++) expect((await comment(busy, target.id)).status).toBe(201);
    const tooMany = await comment(busy, target.id);
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers['x-ratelimit-remaining']).toBe('0');
    expect((await comment(calm, target.id)).status).toBe(201);
  });
});
