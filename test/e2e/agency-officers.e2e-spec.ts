import { UsersService } from '@app/identity';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_ADMIN_PASSWORD } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const PASSWORD = 'a-long-enough-password';
const UNKNOWN_AGENCY = '00000000-0000-4000-8000-000000000000';

const agencyBody = (name: string, lng: number) => ({
  name,
  kind: 'police',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  jurisdiction: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, 39.78],
        [lng + 0.5, 39.78],
        [lng + 0.5, 39.8],
        [lng, 39.8],
        [lng, 39.78],
      ],
    ],
  },
  partnerSince: '2020-01-15',
});

describe('agency staff: who may add officers and agency admins', () => {
  const ctx = useTestContext();
  let adminToken: string;
  let agencyId: string;
  let otherAgencyId: string;
  let n = 0;

  const member = (role: string, email = `member${++n}@pd.example.org`) => ({ email, password: PASSWORD, displayName: `Member ${n}`, role });
  const addMember = (agency: string, body: object, token?: string) =>
    ctx.api.request('POST', `/api/agencies/${agency}/officers`, { token, body });
  const login = async (email: string): Promise<string> =>
    (await ctx.api.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.accessToken;
  /** A new member of `agency`, created by the admin, logged in. */
  const staff = async (agency: string, role: string): Promise<{ id: string; token: string }> => {
    const body = member(role);
    const response = await addMember(agency, body, adminToken);
    expect(response.status).toBe(201);
    return { id: response.body.id, token: await login(body.email) };
  };
  const withoutRequestId = ({ requestId: _id, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    const admin = await ctx.api.app.get(UsersService).ensureAdmin();
    const adminLogin = await ctx.api.request('POST', '/api/auth/login', { body: { email: admin.email, password: TEST_ADMIN_PASSWORD } });
    adminToken = adminLogin.body.accessToken;
    const create = (body: object) => ctx.api.request('POST', '/api/agencies', { token: adminToken, body });
    agencyId = (await create(agencyBody('Springfield Police Department', -89.7))).body.id;
    otherAgencyId = (await create(agencyBody('Shelbyville Police Department', -88.8))).body.id;
  });

  it('lets an admin add an officer and an agency admin to any agency', async () => {
    for (const role of ['officer', 'agency_admin']) {
      const response = await addMember(agencyId, member(role, `First.${role}@PD.example.org`), adminToken);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: `first.${role}@pd.example.org`,
        displayName: expect.any(String),
        role,
        agencyId,
        createdAt: expect.any(String),
      });
      expect(JSON.stringify(response.body)).not.toMatch(/password|argon2/i);
    }
  });

  it('lets an agency admin add an officer to their own agency; the grant is audited with them as actor', async () => {
    const chief = await staff(agencyId, 'agency_admin');
    const response = await addMember(agencyId, member('officer'), chief.token);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ role: 'officer', agencyId });
    const audit = await ctx.dataSource.query('SELECT actor, data FROM audit_event WHERE action = $1 AND subject = $2', [
      'user.role_granted',
      `user:${response.body.id}`,
    ]);
    expect(audit).toEqual([{ actor: `user:${chief.id}`, data: { role: 'officer', agencyId } }]);
  });

  it('answers another agency’s admin exactly as if that agency did not exist (404)', async () => {
    const chief = await staff(agencyId, 'agency_admin');
    const other = await addMember(otherAgencyId, member('officer'), chief.token);
    const missing = await addMember(UNKNOWN_AGENCY, member('officer'), chief.token);
    expect(other.status).toBe(404);
    expect(withoutRequestId(other.body)).toEqual(withoutRequestId(missing.body));
    expect(other.body.code).toBe('AGENCY_NOT_FOUND');
    const [{ count }] = await ctx.dataSource.query('SELECT count(*)::int AS count FROM app_user WHERE agency_id = $1', [otherAgencyId]);
    expect(count).toBe(0);
  });

  it('answers an admin with 404 for an unknown agency and 400 for a malformed id', async () => {
    expect((await addMember(UNKNOWN_AGENCY, member('officer'), adminToken)).status).toBe(404);
    const malformed = await addMember('nope', member('officer'), adminToken);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('ID_INVALID');
  });

  it('refuses officers and residents (403) and anonymous callers (401)', async () => {
    const officer = await staff(agencyId, 'officer');
    expect((await addMember(agencyId, member('officer'), officer.token)).status).toBe(403);
    const resident = await ctx.api.request('POST', '/api/auth/register', {
      body: { email: 'rita@example.org', password: PASSWORD, displayName: 'Rita' },
    });
    expect((await addMember(agencyId, member('officer'), resident.body.accessToken)).status).toBe(403);
    expect((await addMember(agencyId, member('officer'))).status).toBe(401);
  });

  it('creates agency roles only: admin, moderator or resident through this route is a 400', async () => {
    const chief = await staff(agencyId, 'agency_admin');
    for (const role of ['admin', 'moderator', 'resident']) {
      const response = await addMember(agencyId, member(role), chief.token);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'role' })]);
    }
  });

  it('refuses an email that is taken, in any letter case, with 409 EMAIL_TAKEN', async () => {
    expect((await addMember(agencyId, member('officer', 'dup@pd.example.org'), adminToken)).status).toBe(201);
    const again = await addMember(agencyId, member('officer', 'DUP@pd.example.org'), adminToken);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('gives the new officer a working login whose /api/me names the agency', async () => {
    const officer = await staff(otherAgencyId, 'officer');
    const me = await ctx.api.request('GET', '/api/me', { token: officer.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: officer.id, role: 'officer', agencyId: otherAgencyId });
  });

  it('counts the agency’s officers (not its agency admins) in its public statistics', async () => {
    const created = await ctx.api.request('POST', '/api/agencies', { token: adminToken, body: agencyBody('Ogdenville Police', -87.5) });
    const id = created.body.id as string;
    for (const role of ['officer', 'officer', 'agency_admin']) await staff(id, role);
    const profile = await ctx.api.request('GET', `/api/agencies/${id}`);
    expect(profile.body.stats).toEqual({ officers: 2, requestsMade: 0, ownersAsked: 0, shares: 0 });
    const map = await ctx.api.request('GET', '/api/agencies/map?q=ogdenville');
    expect(map.body.features.map((feature: { properties: object }) => feature.properties)).toEqual([
      expect.objectContaining({ id, stats: { officers: 2, requestsMade: 0, ownersAsked: 0, shares: 0 } }),
    ]);
  });

  it('keeps the database honest: staff of an agency must point at one that exists', async () => {
    await expect(
      ctx.dataSource.query(`UPDATE app_user SET agency_id = $1 WHERE role = 'officer'`, [UNKNOWN_AGENCY]),
    ).rejects.toThrow(/app_user_agency_id_fkey/);
  });
});
