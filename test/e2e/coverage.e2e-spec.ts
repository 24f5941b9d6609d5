import { bboxAreaSquareMeters, cellCenter, cellOf, type LatLng } from '@app/geo';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newCamera, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const ORIGIN = { lat: 40.7, lng: -74.0 };
const centreOfCellAt = (lat: number, lng: number): LatLng => cellCenter(cellOf({ lat, lng }));
// Five neighbourhoods about a kilometre apart, each camera placed near the centre of its cell.
const SPOT = {
  A: centreOfCellAt(ORIGIN.lat, ORIGIN.lng),
  B: centreOfCellAt(ORIGIN.lat + 0.01, ORIGIN.lng),
  C: centreOfCellAt(ORIGIN.lat, ORIGIN.lng + 0.01),
  D: centreOfCellAt(ORIGIN.lat + 0.01, ORIGIN.lng + 0.01),
  E: centreOfCellAt(ORIGIN.lat - 0.01, ORIGIN.lng),
};
const CELL = Object.fromEntries(Object.entries(SPOT).map(([name, spot]) => [name, cellOf(spot)])) as Record<keyof typeof SPOT, string>;
/** ~3.4 × 4.4 km around every spot: 15 km². */
const AROUND = '-74.02,40.68,-73.98,40.72';
const boxText = (minLng: number, minLat: number, maxLng: number, maxLat: number) => [minLng, minLat, maxLng, maxLat].join(',');

describe('coverage map for police: k-anonymous camera counts per H3 cell (invariant 1)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  const owners: TestUser[] = [];
  const cameraIds: string[] = [];

  /** `count` cameras of distinct owners in the spot's cell, spread north–south about 20 m apart. */
  const populate = async (spot: LatLng, count: number, privacy?: Record<string, unknown>) => {
    for (let i = 0; i < count; i++) {
      const owner = await newResident(ctx, `Owner ${owners.length} Smith`);
      owners.push(owner);
      if (privacy) expect((await ctx.api.request('PUT', '/api/me/privacy', { token: owner.token, body: privacy })).status).toBe(200);
      const location = { lat: spot.lat + (i - 2) * 0.0002, lng: spot.lng };
      expect(cellOf(location)).toBe(cellOf(spot));
      cameraIds.push(await newCamera(ctx, owner, location));
    }
  };
  const policy = async (body: Record<string, unknown>) =>
    expect((await ctx.api.request('PUT', '/api/policy', { token: admin, body })).status).toBe(200);
  const coverage = async (bbox = AROUND, token = officer.token) => {
    const response = await ctx.api.request('GET', `/api/portal/coverage?bbox=${bbox}`, { token });
    expect(response.status).toBe(200);
    return response.body as { cell: string; count: number }[];
  };
  const expected = (counts: Partial<Record<keyof typeof SPOT, number>>) =>
    Object.entries(counts)
      .map(([name, count]) => ({ cell: CELL[name as keyof typeof SPOT], count }))
      .sort((a, b) => a.cell.localeCompare(b.cell));

  beforeAll(async () => {
    admin = await adminToken(ctx);
    officer = await newOfficer(ctx);
    expect(new Set(Object.values(CELL)).size).toBe(5);
    await populate(SPOT.A, 5, { policeRequests: 'receive' });
    await populate(SPOT.D, 4, { policeRequests: 'receive' });
    await populate(SPOT.B, 3);
    await populate(SPOT.C, 1);
    await populate(SPOT.E, 1, { policeRequests: 'block' });
    await populate(SPOT.E, 1, { policeRequests: 'receive', endToEndEncryption: true });
    await populate(SPOT.E, 1);
    await populate({ lat: 41.5, lng: -74.0 }, 1);
  });
  afterEach(() => policy({ profile: 'ring-2019' }));

  it('ring-2019 (k = 1, opt-out) shows every cell with a countable camera', async () => {
    expect(await coverage()).toEqual(expected({ A: 5, B: 3, C: 1, D: 4, E: 1 }));
  });

  it('ring-2021 (k = 3) omits cells with fewer than 3 cameras', async () => {
    await policy({ profile: 'ring-2021' });
    expect(await coverage()).toEqual(expected({ A: 5, B: 3, D: 4 }));
  });

  it('privacy-by-design (k = 5, opt-in) shows only the cell with 5 owners who opted in', async () => {
    await policy({ profile: 'privacy-by-design' });
    expect(await coverage()).toEqual(expected({ A: 5 }));
  });

  it('under an opt-in policy owners who never chose are not counted, whatever k is', async () => {
    await policy({ profile: 'privacy-by-design', coverageKAnonymity: 1 });
    expect(await coverage()).toEqual(expected({ A: 5, D: 4 }));
  });

  it('never counts owners who block police requests or encrypt end to end', async () => {
    // Cell E holds a blocker, an encrypting owner who chose to receive, and one who never chose.
    expect((await coverage()).find((entry) => entry.cell === CELL.E)).toEqual({ cell: CELL.E, count: 1 });
  });

  it('counts each cell whole: a box around its centre shows all its cameras, a box beside the centre shows nothing', async () => {
    const { lat, lng } = SPOT.A;
    // Only the middle camera of cell A lies inside this 10 m-high box, yet the whole cell is counted.
    expect(await coverage(boxText(lng - 0.0001, lat - 0.00005, lng + 0.0001, lat + 0.00005))).toEqual(expected({ A: 5 }));
    // Two of A's cameras lie inside this box, but not the cell's centre: nothing to narrow a camera down with.
    expect(await coverage(boxText(lng - 0.0001, lat + 0.0001, lng + 0.0001, lat + 0.0005))).toEqual([]);
  });

  it('leaves out cells outside the box', async () => {
    expect((await coverage('-74.005,40.695,-73.995,40.705')).map((entry) => entry.cell)).toEqual([CELL.A]);
  });

  it('never answers an owner’s email, name or id, a camera id, or a precise coordinate', async () => {
    const body = JSON.stringify(await coverage());
    for (const owner of owners) {
      expect(body).not.toContain(owner.email);
      expect(body).not.toContain(owner.displayName);
      expect(body).not.toContain(owner.id);
    }
    for (const id of cameraIds) expect(body).not.toContain(id);
    expect(body).not.toMatch(/Smith|lat|lng|location|owner|camera/i);
    expect(body).not.toMatch(/-?\d+\.\d{4,}/);
    for (const entry of JSON.parse(body)) expect(Object.keys(entry).sort()).toEqual(['cell', 'count']);
  });

  it('refuses a box over 50 km² with 400 BBOX_TOO_LARGE and answers one just under', async () => {
    const under = { minLng: -74.04, minLat: 40.68, maxLng: -73.96, maxLat: 40.68 + 0.0665 };
    const over = { ...under, maxLat: 40.68 + 0.067 };
    expect(bboxAreaSquareMeters(under)).toBeLessThan(50e6);
    expect(bboxAreaSquareMeters(over)).toBeGreaterThan(50e6);
    expect((await ctx.api.request('GET', `/api/portal/coverage?bbox=${Object.values(under).join(',')}`, { token: officer.token })).status).toBe(200);
    const response = await ctx.api.request('GET', `/api/portal/coverage?bbox=${Object.values(over).join(',')}`, { token: officer.token });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BBOX_TOO_LARGE');
  });

  it.each([
    ['three numbers', '?bbox=-74.02,40.68,-73.98'],
    ['words', '?bbox=a,b,c,d'],
    ['min and max swapped', '?bbox=-73.98,40.68,-74.02,40.72'],
    ['a latitude over 90', '?bbox=-74.02,40.68,-73.98,91'],
    ['NaN', '?bbox=NaN,40.68,-73.98,40.72'],
    ['an empty part', '?bbox=,40.68,-73.98,40.72'],
  ])('rejects a box with %s (400 BBOX_INVALID)', async (_case, query) => {
    const response = await ctx.api.request('GET', `/api/portal/coverage${query}`, { token: officer.token });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BBOX_INVALID');
  });

  it.each([
    ['no bbox', ''],
    ['an unknown parameter', `?bbox=${AROUND}&zoom=3`],
  ])('rejects a query with %s (400)', async (_case, query) => {
    expect((await ctx.api.request('GET', `/api/portal/coverage${query}`, { token: officer.token })).status).toBe(400);
  });

  it('is for officers and agency admins: residents and admins get 403, no token 401', async () => {
    const agencyAdmin = await newOfficer(ctx, 'agency_admin');
    expect(await coverage(AROUND, agencyAdmin.token)).toEqual(expected({ A: 5, B: 3, C: 1, D: 4, E: 1 }));
    for (const token of [owners[0]!.token, admin]) {
      expect((await ctx.api.request('GET', `/api/portal/coverage?bbox=${AROUND}`, { token })).status).toBe(403);
    }
    expect((await ctx.api.request('GET', `/api/portal/coverage?bbox=${AROUND}`)).status).toBe(401);
  });

  it('officers cannot reach residents’ camera routes (403)', async () => {
    expect((await ctx.api.request('GET', '/api/cameras', { token: officer.token })).status).toBe(403);
    expect((await ctx.api.request('GET', `/api/cameras/${cameraIds[0]}`, { token: officer.token })).status).toBe(403);
    expect((await ctx.api.request('GET', `/api/cameras/${cameraIds[0]}/recordings`, { token: officer.token })).status).toBe(403);
    expect((await ctx.api.request('GET', '/api/me/privacy', { token: officer.token })).status).toBe(403);
  });
});
