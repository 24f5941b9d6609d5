import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld, newNeighbor } from '../support/consent-fixtures.js';
import { HOUR, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const SQUARE = {
  type: 'Polygon',
  coordinates: [[[-74.1, 40.6], [-73.9, 40.6], [-73.9, 40.8], [-74.1, 40.8], [-74.1, 40.6]]],
};
const BBOX = `${CENTER.lng - 0.01},${CENTER.lat - 0.01},${CENTER.lng + 0.01},${CENTER.lat + 0.01}`;
const WITHOUT_FEDERAL = ['police', 'sheriff', 'fire'];

/**
 * Two doors a policy may close to agencies (ring-2025's rules, usable under any profile): which
 * kinds of agency may make footage requests (422 naming the rule), and the camera coverage map
 * (403 naming the rule).
 */
describe('policy doors for agencies: eligible kinds and the coverage map', () => {
  const ctx = useTestContext();
  let admin: string;
  let police: TestUser;
  let federal: TestUser;
  let n = 0;

  const request = (officer: TestUser) =>
    ctx.api.request('POST', '/api/portal/requests', {
      token: officer.token,
      body: {
        caseNumber: `DOOR-${++n}`,
        incidentType: 'burglary',
        description: 'Back door forced',
        window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
        area: { center: CENTER, radiusMeters: 200 },
      },
    });

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer: police } = await consentWorld(ctx));
    await newNeighbor(ctx, 1);
    const agency = await ctx.api.request('POST', '/api/agencies', {
      token: admin,
      body: { name: 'Federal Task Force', kind: 'federal', city: 'Testville', state: 'NY', zip: '10001', jurisdiction: SQUARE, partnerSince: '2025-01-01' },
    });
    expect(agency.status).toBe(201);
    expect(agency.body.kind).toBe('federal');
    const email = 'agent@federal.example.org';
    const password = 'a-long-enough-password';
    const created = await ctx.api.request('POST', `/api/agencies/${agency.body.id}/officers`, {
      token: admin,
      body: { email, password, displayName: 'Agent', role: 'officer' },
    });
    expect(created.status).toBe(201);
    const login = await ctx.api.request('POST', '/api/auth/login', { body: { email, password } });
    federal = { id: login.body.user.id, email, displayName: 'Agent', token: login.body.accessToken };
  });

  it('lets every kind of agency request under the tabled profiles', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    expect((await request(federal)).status).toBe(201);
    expect((await ctx.api.request('GET', '/api/policy')).body.eligibleAgencyKinds).toEqual(['police', 'sheriff', 'fire', 'federal']);
  });

  it.each(['ring-2019', 'ring-2021'])('refuses a federal agency with 422 naming the rule once %s leaves federal out; others still request', async (profile) => {
    await usePolicy(ctx, admin, { profile, eligibleAgencyKinds: WITHOUT_FEDERAL });
    const refused = await request(federal);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'POLICY_AGENCY_NOT_ELIGIBLE', details: { rule: 'eligibleAgencyKinds', value: 'federal' } });
    expect((await request(police)).status).toBe(201);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
  });

  it('closes the coverage map with 403 naming the rule when k is null, under any profile', async () => {
    for (const profile of ['ring-2019', 'privacy-by-design']) {
      await usePolicy(ctx, admin, { profile });
      expect((await ctx.api.request('GET', `/api/portal/coverage?bbox=${BBOX}`, { token: police.token })).status).toBe(200);
      await usePolicy(ctx, admin, { coverageKAnonymity: null });
      const closed = await ctx.api.request('GET', `/api/portal/coverage?bbox=${BBOX}`, { token: police.token });
      expect(closed.status).toBe(403);
      expect(closed.body).toMatchObject({ code: 'POLICY_COVERAGE_FORBIDDEN', details: { rule: 'coverageKAnonymity' } });
    }
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
  });

  it('refuses a kind that is not one, naming the field', async () => {
    const bad = await ctx.api.request('PUT', '/api/policy', { token: admin, body: { eligibleAgencyKinds: ['police', 'militia'] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('eligibleAgencyKinds');
  });
});
