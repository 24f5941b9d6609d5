import { UsersService } from '@app/identity';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_ADMIN_PASSWORD } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

type Ring = [number, number][];

// Rounded as decimals, as a client would write them (PostGIS returns at most 9 decimals).
const plus = (a: number, b: number): number => Number((a + b).toFixed(6));

/** A closed square ring of `size` degrees with its south-west corner at (lng, lat). */
const square = (lng: number, lat: number, size = 0.01): Ring => [
  [lng, lat],
  [plus(lng, size), lat],
  [plus(lng, size), plus(lat, size)],
  [lng, plus(lat, size)],
  [lng, lat],
];
const polygon = (ring: unknown[]) => ({ type: 'Polygon', coordinates: [ring] });
const BOW_TIE: Ring = [
  [0, 0],
  [1, 1],
  [1, 0],
  [0, 1],
  [0, 0],
];

const agencyBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Springfield Police Department',
  kind: 'police',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  jurisdiction: polygon(square(-89.66, 39.78)),
  partnerSince: '2019-08-28',
  ...overrides,
});

describe('agencies: creation, public profile and the Active Law Enforcement Map', () => {
  const ctx = useTestContext();
  let adminToken: string;
  let residentToken: string;

  const create = (body: object, token = adminToken, headers: Record<string, string> = {}) =>
    ctx.api.request('POST', '/api/agencies', { token, body, headers });
  const agencyCount = async (): Promise<number> =>
    (await ctx.dataSource.query('SELECT count(*)::int AS n FROM agency'))[0].n;

  beforeAll(async () => {
    const admin = await ctx.api.app.get(UsersService).ensureAdmin();
    const login = await ctx.api.request('POST', '/api/auth/login', { body: { email: admin.email, password: TEST_ADMIN_PASSWORD } });
    adminToken = login.body.accessToken;
    const resident = await ctx.api.request('POST', '/api/auth/register', {
      body: { email: 'rita@example.org', password: 'a-long-enough-password', displayName: 'Rita' },
    });
    residentToken = resident.body.accessToken;
  });

  describe('POST /api/agencies', () => {
    it('stores a Polygon jurisdiction as a MultiPolygon and audits the creation', async () => {
      const ring = square(-89.66, 39.78);
      const response = await create(agencyBody({ state: 'il', jurisdiction: polygon(ring) }));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Springfield Police Department',
        kind: 'police',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        partnerSince: '2019-08-28',
        jurisdiction: { type: 'MultiPolygon', coordinates: [[ring]] },
        stats: { officers: 0, requestsMade: 0, ownersAsked: 0, shares: 0 },
      });
      const [row] = await ctx.dataSource.query(
        'SELECT GeometryType(jurisdiction::geometry) AS shape, ST_SRID(jurisdiction::geometry) AS srid FROM agency WHERE id = $1',
        [response.body.id],
      );
      expect(row).toEqual({ shape: 'MULTIPOLYGON', srid: 4326 });
      const audit = await ctx.dataSource.query('SELECT actor, data FROM audit_event WHERE action = $1 AND subject = $2', [
        'agency.created',
        `agency:${response.body.id}`,
      ]);
      expect(audit).toEqual([{ actor: expect.stringMatching(/^user:/), data: expect.objectContaining({ name: 'Springfield Police Department', zip: '62701' }) }]);
    });

    it('accepts a MultiPolygon of separate parts as it is', async () => {
      const parts = [[square(-88.5, 40.1)], [square(-88.4, 40.1)]];
      const response = await create(agencyBody({ name: 'Twin Villages Police', jurisdiction: { type: 'MultiPolygon', coordinates: parts } }));
      expect(response.status).toBe(201);
      expect(response.body.jurisdiction).toEqual({ type: 'MultiPolygon', coordinates: parts });
    });

    it('refuses a self-intersecting (bow-tie) jurisdiction with 400 GEOMETRY_INVALID and the reason, storing nothing', async () => {
      const before = await agencyCount();
      const response = await create(agencyBody({ jurisdiction: polygon(BOW_TIE) }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('GEOMETRY_INVALID');
      expect(response.body.details).toEqual([{ field: 'jurisdiction', problems: [expect.stringMatching(/^Self-intersection/)] }]);
      expect(await agencyCount()).toBe(before);
    });

    it('refuses overlapping parts of a MultiPolygon', async () => {
      const overlapping = { type: 'MultiPolygon', coordinates: [[square(-88, 40)], [square(-87.995, 40)]] };
      const response = await create(agencyBody({ jurisdiction: overlapping }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('GEOMETRY_INVALID');
    });

    it.each([
      ['an unclosed ring', { jurisdiction: polygon(square(-89.66, 39.78).slice(0, 4)) }, 'jurisdiction.coordinates'],
      ['latitude 91', { jurisdiction: polygon([[0, 90], [1, 90], [1, 91], [0, 90]]) }, 'jurisdiction.coordinates'],
      ['a coordinate as a string', { jurisdiction: polygon([[0, 0], ['1', 0], [1, 1], [0, 0]]) }, 'jurisdiction.coordinates'],
      ['a Point jurisdiction', { jurisdiction: { type: 'Point', coordinates: [0, 0] } }, 'jurisdiction.type'],
      ['no jurisdiction', { jurisdiction: undefined }, 'jurisdiction'],
      ['an unknown field', { budget: 1_000_000 }, 'budget'],
      ['an unknown field in the jurisdiction', { jurisdiction: { ...polygon(square(0, 0)), crs: 'EPSG:4326' } }, 'jurisdiction.crs'],
      ['an unknown kind', { kind: 'army' }, 'kind'],
      ['a state that is not two letters', { state: 'Illinois' }, 'state'],
      ['a four-digit zip', { zip: '6270' }, 'zip'],
      ['a date that does not exist', { partnerSince: '2019-02-30' }, 'partnerSince'],
      ['a timestamp instead of a date', { partnerSince: '2019-08-28T10:00:00Z' }, 'partnerSince'],
      ['an empty name', { name: '  ' }, 'name'],
    ])('is a 400 naming the field for %s', async (_what, overrides, field) => {
      const response = await create(agencyBody(overrides));
      expect(response.status).toBe(400);
      expect(response.body.details.map((problem: { field: string }) => problem.field)).toContain(field);
    });

    it('is for admins only: a resident gets 403, an anonymous caller 401', async () => {
      expect((await create(agencyBody(), residentToken)).status).toBe(403);
      expect((await ctx.api.request('POST', '/api/agencies', { body: agencyBody() })).status).toBe(401);
    });

    it('creates one agency however often a request with the same Idempotency-Key is retried', async () => {
      const before = await agencyCount();
      const body = agencyBody({ name: 'Retry Police' });
      const first = await create(body, adminToken, { 'idempotency-key': 'agency-retry-1' });
      const again = await create(body, adminToken, { 'idempotency-key': 'agency-retry-1' });
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body.id).toBe(first.body.id);
      expect(await agencyCount()).toBe(before + 1);
    });
  });

  describe('GET /api/agencies/:id', () => {
    it('shows anyone the profile, jurisdiction and statistics', async () => {
      const created = (await create(agencyBody({ name: 'Profile Police' }))).body;
      const response = await ctx.api.request('GET', `/api/agencies/${created.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(created);
    });

    it('answers an unknown id with 404 and a malformed one with 400', async () => {
      const unknown = await ctx.api.request('GET', '/api/agencies/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('AGENCY_NOT_FOUND');
      const malformed = await ctx.api.request('GET', '/api/agencies/not-a-uuid');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('ID_INVALID');
    });
  });

  describe('GET /api/agencies/map', () => {
    const ids: Record<string, string> = {};
    const names = async (query: string): Promise<string[]> => {
      const response = await ctx.api.request('GET', `/api/agencies/map${query}`);
      expect(response.status).toBe(200);
      // Sorted here: the order of names with punctuation depends on the database's collation.
      return (response.body.features as { properties: { name: string } }[]).map((feature) => feature.properties.name).sort();
    };

    beforeAll(async () => {
      const agencies = [
        { name: 'Lakeside Police', city: 'Lakeside', zip: '90001', jurisdiction: polygon(square(-120.0, 35.0)) },
        { name: 'Bluff County Sheriff', kind: 'sheriff', city: 'Morrisonville', zip: '90002', jurisdiction: polygon(square(-120.1, 35.0)) },
        { name: 'Fire District 50%_North', kind: 'fire', city: 'Harbor', zip: '90003', jurisdiction: polygon(square(-120.2, 35.0)) },
        { name: 'Fire District 500 North', kind: 'fire', city: 'Harbor', zip: '90003', jurisdiction: polygon(square(-120.3, 35.0)) },
      ];
      for (const agency of agencies) ids[agency.name] = (await create(agencyBody(agency))).body.id;
    });

    it('is a public GeoJSON FeatureCollection of jurisdictions with each agency’s public profile', async () => {
      const response = await ctx.api.request('GET', '/api/agencies/map?zip=90001');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'MultiPolygon', coordinates: [[square(-120.0, 35.0)]] },
            properties: {
              id: ids['Lakeside Police'],
              name: 'Lakeside Police',
              kind: 'police',
              city: 'Lakeside',
              state: 'IL',
              zip: '90001',
              partnerSince: '2019-08-28',
              stats: { officers: 0, requestsMade: 0, ownersAsked: 0, shares: 0 },
            },
          },
        ],
      });
    });

    it('filters by exact zip', async () => {
      expect(await names('?zip=90003')).toEqual(['Fire District 50%_North', 'Fire District 500 North']);
      expect(await names('?zip=90009')).toEqual([]);
    });

    it('filters by part of the name or the city, in any letter case', async () => {
      expect(await names('?q=LAKESIDE%20pol')).toEqual(['Lakeside Police']);
      expect(await names('?q=morrison')).toEqual(['Bluff County Sheriff']);
    });

    it('takes % and _ in q literally, not as wildcards', async () => {
      expect(await names(`?q=${encodeURIComponent('50%')}`)).toEqual(['Fire District 50%_North']);
      expect(await names('?q=_')).toEqual(['Fire District 50%_North']);
    });

    it('keeps the jurisdictions that intersect the bbox, partly covered ones included', async () => {
      expect(await names('?bbox=-120.005,35.005,-119.995,35.015')).toEqual(['Lakeside Police']);
      expect(await names('?bbox=-120.2,34.9,-120.05,35.1')).toEqual(['Bluff County Sheriff', 'Fire District 50%_North']);
      expect(await names('?bbox=10,10,11,11')).toEqual([]);
    });

    it('combines filters: every one must match', async () => {
      expect(await names('?zip=90003&q=500')).toEqual(['Fire District 500 North']);
      expect(await names('?zip=90001&q=harbor')).toEqual([]);
    });

    it.each(['1,2,3', 'a,b,c,d', '0,0,1,91', '-181,0,1,1', '2,0,1,1', '0x1,0,1,1'])(
      'answers bbox=%s with 400 BBOX_INVALID',
      async (bbox) => {
        const response = await ctx.api.request('GET', `/api/agencies/map?bbox=${encodeURIComponent(bbox)}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('BBOX_INVALID');
      },
    );

    it('refuses a malformed zip or an unknown query parameter with 400', async () => {
      expect((await ctx.api.request('GET', '/api/agencies/map?zip=9000')).status).toBe(400);
      expect((await ctx.api.request('GET', '/api/agencies/map?near=home')).status).toBe(400);
    });
  });
});
