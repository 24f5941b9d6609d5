import { cellOf } from '@app/geo';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld } from '../support/consent-fixtures.js';
import { DAY, north, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

interface Cell {
  cell: string;
  category: string;
  posts: number;
}

const A = north(CENTER, 0);
const B = north(CENTER, 600);
/** A 1.4 × 2.2 km box around both places. */
const BBOX = `${CENTER.lng - 0.01},${CENTER.lat - 0.01},${CENTER.lng + 0.01},${CENTER.lat + 0.01}`;

describe('the incident heat map for agencies', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let moderator: TestUser;

  const heatmap = (query = '', token = officer.token) => ctx.api.request('GET', `/api/portal/heatmap?bbox=${BBOX}${query}`, { token });
  const post = async (at: { lat: number; lng: number }, category: string, body = 'Parcel gone from the porch.') => {
    const author = await newResident(ctx);
    const response = await ctx.api.request('POST', '/api/posts', { token: author.token, body: { category, title: 'Incident', body, location: at } });
    expect(response.status).toBe(201);
    return response.body as { id: string; status: string };
  };

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    moderator = await newModerator(ctx);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    for (let i = 0; i < 3; i++) await post({ lat: A.lat + i * 0.00002, lng: A.lng }, 'crime');
    await post(A, 'safety');
    await post(B, 'crime');
    // Removed by a moderator, and held by the policy: neither is counted.
    const removed = await post(A, 'crime');
    expect((await ctx.api.request('POST', `/api/moderation/posts/${removed.id}/decision`, { token: moderator.token, body: { action: 'remove', reason: 'Spam' } })).status).toBe(200);
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    expect((await post(A, 'crime', 'A black man walking around the block twice.')).status).toBe('held');
  });

  it('counts published posts per cell and category, every cell under ring-2019', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    const response = await heatmap();
    expect(response.status).toBe(200);
    expect(response.body.minPosts).toBe(1);
    expect(response.body.cells).toEqual([
      { cell: cellOf(A), category: 'crime', posts: 3 },
      { cell: cellOf(A), category: 'safety', posts: 1 },
      { cell: cellOf(B), category: 'crime', posts: 1 },
    ].sort((x, y) => x.cell.localeCompare(y.cell) || x.category.localeCompare(y.category)));
    expect((await heatmap('&category=safety')).body.cells).toEqual([{ cell: cellOf(A), category: 'safety', posts: 1 }]);
  });

  it('leaves out cells with fewer than 3 posts of a category under ring-2021', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const response = await heatmap();
    expect(response.body.minPosts).toBe(3);
    expect(response.body.cells as Cell[]).toEqual([{ cell: cellOf(A), category: 'crime', posts: 3 }]);
  });

  it('gives agencies no heat map under privacy-by-design: 403 naming the rule', async () => {
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    const response = await heatmap();
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'POLICY_HEATMAP_FORBIDDEN', details: { rule: 'heatmapMinPosts' } });
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
  });

  it('counts the period asked for, by default the 30 days up to now', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    const before = new Date(CONSENT_NOW.getTime() - DAY).toISOString();
    expect((await heatmap(`&to=${before}`)).body.cells).toEqual([]);
    const period = (await heatmap()).body.period;
    expect(new Date(period.to).getTime() - new Date(period.from).getTime()).toBe(30 * DAY);
    const bad = await heatmap(`&from=${CONSENT_NOW.toISOString()}&to=${before}`);
    expect(bad.body.code).toBe('PERIOD_INVALID');
  });

  it('refuses boxes over 50 km² and callers who are not agency staff', async () => {
    const huge = await ctx.api.request('GET', `/api/portal/heatmap?bbox=-74.2,40.6,-73.8,40.9`, { token: officer.token });
    expect(huge.body.code).toBe('BBOX_TOO_LARGE');
    expect((await heatmap('', (await newResident(ctx)).token)).status).toBe(403);
    expect((await heatmap('', moderator.token)).status).toBe(403);
  });
});
