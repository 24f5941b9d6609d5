import { Clock } from '@app/clock';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newCamera, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { clip, HOUR, north, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const NOW = new Date('2031-06-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HERE = { lat: 40.7, lng: -74.0 };
const THERE = north(HERE, 5_000);

describe('agency public statistics: requests made, owners asked, shares', () => {
  const ctx = useTestContext();
  let officer: TestUser;
  let agencyId: string;
  let otherAgencyId: string;
  const owners: TestUser[] = [];
  let n = 0;

  const agencyOf = async (user: TestUser): Promise<string> =>
    (await ctx.dataSource.query('SELECT agency_id FROM app_user WHERE id = $1', [user.id]))[0].agency_id;
  const request = async (center: { lat: number; lng: number }): Promise<string> => {
    const response = await ctx.api.request('POST', '/api/portal/requests', {
      token: officer.token,
      body: {
        caseNumber: `S-${++n}`,
        incidentType: 'burglary',
        description: 'Break-in through the back door',
        window: { start: ago(3 * HOUR).toISOString(), end: ago(HOUR).toISOString() },
        area: { center, radiusMeters: 200 },
      },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  // The consent API is another context's; its states are set directly here.
  const answer = (requestId: string, owner: TestUser, state: 'given' | 'refused' | 'withdrawn') =>
    ctx.dataSource.query(
      `UPDATE request_recipient SET consent_state = $3, decided_at = $4 WHERE request_id = $1 AND owner_id = $2`,
      [requestId, owner.id, state, NOW],
    );
  const statsOf = async (id: string) => {
    const response = await ctx.api.request('GET', `/api/agencies/${id}`);
    expect(response.status).toBe(200);
    return response.body.stats;
  };

  beforeAll(async () => {
    await ctx.api.app.get(Clock).setNow(NOW);
    await usePolicy(ctx, await adminToken(ctx), { profile: 'ring-2019' });
    officer = await newOfficer(ctx);
    agencyId = await agencyOf(officer);
    otherAgencyId = await agencyOf(await newOfficer(ctx));
    for (const [i, spot] of [HERE, HERE, HERE, THERE].entries()) {
      const owner = await newResident(ctx);
      owners.push(owner);
      const camera = await newCamera(ctx, owner, north(spot, i * 20));
      await clip(ctx, owner, camera, ago(2 * HOUR), ago(2 * HOUR - 60_000));
    }
  });

  it('counts every request and recipient; a withdrawn share still counts, a refusal does not', async () => {
    const [a, b, c] = owners as [TestUser, TestUser, TestUser];
    const first = await request(HERE);
    await request(THERE);
    await answer(first, a, 'given');
    await answer(first, b, 'withdrawn');
    await answer(first, c, 'refused');
    // Three owners here, one there.
    expect(await statsOf(agencyId)).toEqual({ officers: 1, requestsMade: 2, ownersAsked: 4, shares: 2 });
  });

  it('keeps a deleted request in the public count, with its recipients and shares', async () => {
    const before = await statsOf(agencyId);
    const deleted = await request(HERE);
    await answer(deleted, owners[0]!, 'given');
    const removal = await ctx.api.request('DELETE', `/api/portal/requests/${deleted}`, { token: officer.token });
    expect(removal.status).toBe(204);
    expect(await statsOf(agencyId)).toEqual({
      ...before,
      requestsMade: before.requestsMade + 1,
      ownersAsked: before.ownersAsked + 3,
      shares: before.shares + 1,
    });
  });

  it('shows each agency only its own figures, on the profile and on the map alike', async () => {
    expect(await statsOf(otherAgencyId)).toEqual({ officers: 1, requestsMade: 0, ownersAsked: 0, shares: 0 });
    const map = await ctx.api.request('GET', '/api/agencies/map?zip=10001');
    expect(map.status).toBe(200);
    const byId = Object.fromEntries(
      (map.body.features as { properties: { id: string; stats: object } }[]).map((feature) => [feature.properties.id, feature.properties.stats]),
    );
    expect(byId).toEqual({ [agencyId]: await statsOf(agencyId), [otherAgencyId]: await statsOf(otherAgencyId) });
  });
});
