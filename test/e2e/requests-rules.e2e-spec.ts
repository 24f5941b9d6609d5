import { Clock } from '@app/clock';
import { PROFILES } from '@app/policy';
import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminToken, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { HOUR, MINUTE, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const NOW = new Date('2031-05-01T12:00:00Z');
const CENTER = { lat: 40.7, lng: -74.0 };
const SECOND = 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
/** The radius whose circle (π r²) has exactly this area. */
const radiusFor = (squareMeters: number) => Math.sqrt(squareMeters / Math.PI);

describe('footage request rules: each 422 of the active policy at its boundary', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let n = 0;

  const create = (body: Record<string, unknown> = {}, token = officer.token) =>
    ctx.api.request('POST', '/api/portal/requests', {
      token,
      body: {
        caseNumber: `R-${++n}`,
        incidentType: 'burglary',
        description: 'Break-in through the back door',
        window: { start: ago(2 * HOUR), end: ago(HOUR) },
        area: { center: CENTER, radiusMeters: 200 },
        ...body,
      },
    });
  const expect422 = async (body: Record<string, unknown>, code: string) => {
    const response = await create(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code });
    return response.body;
  };
  const expect201 = async (body: Record<string, unknown>) => {
    const response = await create(body);
    expect({ status: response.status, body: response.body.code }).toEqual({ status: 201, body: undefined });
    return response.body;
  };

  beforeAll(async () => {
    admin = await adminToken(ctx);
    officer = await newOfficer(ctx);
    await ctx.api.app.get(Clock).setNow(NOW);
  });

  describe.each(['ring-2019', 'ring-2021', 'privacy-by-design'] as const)('under %s', (profile) => {
    const policy = PROFILES[profile];
    beforeEach(() => usePolicy(ctx, admin, { profile }));

    it('accepts an area just under the maximum and refuses one just over it, naming the limit', async () => {
      const max = radiusFor(policy.maxAreaSquareMeters);
      await expect201({ area: { center: CENTER, radiusMeters: max - 0.01 } });
      const body = await expect422({ area: { center: CENTER, radiusMeters: max + 0.01 } }, 'POLICY_AREA_TOO_LARGE');
      expect(body.details.limitSquareMeters).toBe(policy.maxAreaSquareMeters);
    });

    it('accepts a window exactly as long as the maximum and refuses one a second longer', async () => {
      await expect201({ window: { start: ago(HOUR + policy.maxWindowSeconds * SECOND), end: ago(HOUR) } });
      const body = await expect422({ window: { start: ago(HOUR + policy.maxWindowSeconds * SECOND + SECOND), end: ago(HOUR) } }, 'POLICY_WINDOW_TOO_LONG');
      expect(body.details.limitSeconds).toBe(policy.maxWindowSeconds);
    });

    it('accepts a window starting a minute inside the lookback and refuses one starting a second before it', async () => {
      const lookback = policy.maxLookbackSeconds * SECOND;
      await expect201({ window: { start: ago(lookback - MINUTE), end: ago(lookback - MINUTE - 30 * MINUTE) } });
      await expect422({ window: { start: ago(lookback + SECOND), end: ago(lookback - HOUR) } }, 'POLICY_WINDOW_TOO_OLD');
    });

    it('refuses a window ending in the future (by the Clock) or ending before it starts', async () => {
      await expect422({ window: { start: ago(HOUR), end: new Date(NOW.getTime() + MINUTE).toISOString() } }, 'WINDOW_IN_FUTURE');
      await expect422({ window: { start: ago(HOUR), end: ago(2 * HOUR) } }, 'WINDOW_INVERTED');
    });

    it('refuses a blank case number', async () => {
      await expect422({ caseNumber: '   ' }, 'POLICY_CASE_NUMBER_REQUIRED');
    });

    it('checks the open requests per case number inside the transaction', async () => {
      const limit = policy.maxOpenRequestsPerCase;
      const caseNumber = `CASE-${profile}`;
      // Five at once: the advisory lock lets at most `limit` of them through.
      const attempts = await Promise.all(Array.from({ length: 5 }, () => create({ caseNumber })));
      const created = attempts.filter((response) => response.status === 201);
      expect(created.length).toBe(limit ?? 5);
      for (const refused of attempts.filter((response) => response.status !== 201)) {
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'POLICY_TOO_MANY_OPEN_REQUESTS' });
      }
      // Closing one frees its place.
      const close = await ctx.api.request('POST', `/api/portal/requests/${created[0]!.body.id}/close`, { token: officer.token });
      expect(close.status).toBe(200);
      await expect201({ caseNumber });
    });
  });

  describe('privacy-by-design limits that ring-2019 does not have', () => {
    beforeEach(() => usePolicy(ctx, admin, { profile: 'privacy-by-design' }));

    it('refuses an area just under the minimum and accepts one just over it', async () => {
      const min = radiusFor(PROFILES['privacy-by-design'].minAreaSquareMeters);
      await expect422({ area: { center: CENTER, radiusMeters: min - 0.01 } }, 'POLICY_AREA_TOO_SMALL');
      await expect201({ area: { center: CENTER, radiusMeters: min + 0.01 } });
    });

    it('refuses a window a second shorter than 15 minutes and accepts 15 minutes exactly', async () => {
      await expect422({ window: { start: ago(HOUR + 15 * MINUTE - SECOND), end: ago(HOUR) } }, 'POLICY_WINDOW_TOO_SHORT');
      await expect201({ window: { start: ago(HOUR + 15 * MINUTE), end: ago(HOUR) } });
    });

    it('refuses prohibited purposes: protests, immigration, a person described by race alone', async () => {
      await expect422({ incidentType: 'protest' }, 'POLICY_PROHIBITED_PURPOSE');
      await expect422({ incidentType: 'immigration' }, 'POLICY_PROHIBITED_PURPOSE');
      await expect422({ description: 'Suspicious black man walking around the block' }, 'POLICY_PROHIBITED_PURPOSE');
      await expect201({ description: 'Black man in a red hoodie took the parcel' });
    });

    it('ring-2019 accepts the same purposes and a zero-length window', async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
      await expect201({ incidentType: 'protest' });
      await expect201({ description: 'Suspicious black man walking around the block' });
      await expect201({ window: { start: ago(HOUR), end: ago(HOUR) }, area: { center: CENTER, radiusMeters: 1 } });
    });
  });

  describe('ring-2021: Requests for Assistance', () => {
    beforeEach(() => usePolicy(ctx, admin, { profile: 'ring-2021' }));

    it('refuses protests and descriptions by race alone, but not immigration enforcement', async () => {
      await expect422({ incidentType: 'protest' }, 'POLICY_PROHIBITED_PURPOSE');
      await expect422({ description: 'Suspicious black man walking around the block' }, 'POLICY_PROHIBITED_PURPOSE');
      await expect201({ incidentType: 'immigration' });
    });

    it('refuses an area just under 0.025 sq mi and a window a second under 15 minutes', async () => {
      const min = radiusFor(PROFILES['ring-2021'].minAreaSquareMeters);
      await expect422({ area: { center: CENTER, radiusMeters: min - 0.01 } }, 'POLICY_AREA_TOO_SMALL');
      await expect201({ area: { center: CENTER, radiusMeters: min + 0.01 } });
      await expect422({ window: { start: ago(HOUR + 15 * MINUTE - SECOND), end: ago(HOUR) } }, 'POLICY_WINDOW_TOO_SHORT');
    });

    it('delivers the request as a public post: stored as such, with a request.posted event for the feed', async () => {
      const created = await expect201({});
      expect(created.delivery).toBe('public-post');
      const events = await ctx.dataSource.query(`SELECT type FROM outbox_event WHERE payload->>'requestId' = $1 ORDER BY type`, [created.id]);
      expect(events).toEqual([{ type: 'request.created' }, { type: 'request.posted' }]);
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
      const privately = await expect201({});
      expect(privately.delivery).toBe('private');
      expect(await ctx.dataSource.query(`SELECT type FROM outbox_event WHERE payload->>'requestId' = $1`, [privately.id])).toEqual([{ type: 'request.created' }]);
    });
  });

  describe('who may ask, and for what', () => {
    beforeEach(() => usePolicy(ctx, admin, { profile: 'ring-2019' }));

    it('refuses residents with 403 and anonymous callers with 401', async () => {
      const resident = await newResident(ctx);
      expect((await create({}, resident.token)).status).toBe(403);
      expect((await ctx.api.request('POST', '/api/portal/requests', { body: {} })).status).toBe(401);
    });

    it('refuses unknown fields and a malformed area with 400', async () => {
      expect((await create({ extra: 1 })).status).toBe(400);
      expect((await create({ area: { center: { lat: 95, lng: 0 }, radiusMeters: 200 } })).status).toBe(400);
      expect((await create({ window: { start: 'yesterday', end: ago(HOUR) } })).status).toBe(400);
      // ValidateNested alone would check an array element by element, so [] would pass.
      expect((await create({ window: [] })).status).toBe(400);
      expect((await create({ area: { center: [], radiusMeters: 200 } })).status).toBe(400);
    });
  });
});
