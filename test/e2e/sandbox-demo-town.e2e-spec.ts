import { Clock } from '@app/clock';
import { demoPeople } from '@app/demo-town';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { SANDBOX_KEY_HEADER, type TownPerson as Person } from '../support/sandbox-town.js';
import { useTestContext } from '../support/test-context.js';

const key = SANDBOX_KEY_HEADER;
const DAY_MS = 86_400_000;

/**
 * The classroom console's two buttons: load the demo town, and become any of its people without
 * typing a password in front of the class. The test config sets no DEMO_PASSWORD, so nobody
 * knows the people's passwords: signing in through the sandbox is the only way in.
 */
describe('the classroom console: the demo town, and signing in as anyone in it', () => {
  const ctx = useTestContext();
  let adminToken: string;
  let loaded: { status: number; body: { people: Person[]; town: any; neighbours: number; cameras: number } };
  /** Sandbox time when the town was loaded: a month ahead of real time. */
  let sandboxNow: number;

  const signIn = (email: string) => ctx.api.request('POST', '/api/sandbox/sign-in', { headers: key, body: { email } });
  const count = async (table: string): Promise<number> => (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    // A world with only the admin in it, whose clock a class has moved on.
    adminToken = (await ctx.api.request('POST', '/api/sandbox/reset', { headers: key })).body.adminToken;
    sandboxNow = Date.now() + 30 * DAY_MS;
    await ctx.api.app.get(Clock).setNow(new Date(sandboxNow));
    loaded = await ctx.api.request('POST', '/api/sandbox/demo-town', { headers: key });
  });

  it('loads the named people right after a reset, the admin first, roles as the demo logins, without passwords', async () => {
    expect(loaded.status).toBe(200);
    const expected = demoPeople(ctx.config);
    expect(loaded.body.people.map(({ role, email }) => ({ role, email }))).toEqual(expected.map(({ role, email }) => ({ role, email })));
    expect(JSON.stringify(loaded.body)).not.toMatch(/password/i);
    const me = await ctx.api.request('GET', '/api/me', { token: adminToken });
    expect(loaded.body.people[0]!.userId).toBe(me.body.id);
    for (const person of loaded.body.people) {
      const agencyRole = person.role === 'officer' || person.role === 'agency_admin';
      expect({ email: person.email, agencyId: person.agencyId !== null, agencyName: person.agencyName !== null }).toEqual({
        email: person.email,
        agencyId: agencyRole,
        agencyName: agencyRole,
      });
    }
  });

  it("puts the town's agencies on the Active Law Enforcement Map, each officer's agency among them", async () => {
    const map = await ctx.api.request('GET', '/api/agencies/map');
    const agencies = new Map<string, string>(map.body.features.map((feature: any) => [feature.properties.id, feature.properties.name]));
    expect(agencies.size).toBe(3);
    for (const person of loaded.body.people.filter((p) => p.agencyId !== null)) {
      expect(agencies.get(person.agencyId!)).toBe(person.agencyName);
    }
  });

  it('gives the town hundreds of neighbours with cameras, and a street grid inside its box', async () => {
    expect(loaded.body.neighbours).toBe(300);
    expect(loaded.body.cameras).toBeGreaterThan(200);
    expect(await count(`app_user WHERE email LIKE 'neighbour%'`)).toBe(300);
    const { center, bbox, streets } = loaded.body.town;
    const [west, south, east, north] = bbox as number[];
    expect(center.lng).toBeGreaterThan(west!);
    expect(center.lat).toBeLessThan(north!);
    expect(streets.type).toBe('FeatureCollection');
    expect(streets.features.length).toBeGreaterThan(10);
    for (const { type, geometry } of streets.features) {
      expect([type, geometry.type]).toEqual(['Feature', 'LineString']);
      for (const [lng, lat] of geometry.coordinates) {
        expect(lng >= west! && lng <= east! && lat >= south! && lat <= north!).toBe(true);
      }
    }
  });

  it("gives a resident a porch camera with clips from the day before sandbox time, not real time", async () => {
    const alice = await signIn('alice@porchlight.local');
    const cameras = await ctx.api.request('GET', '/api/cameras', { token: alice.body.accessToken });
    expect(cameras.status).toBe(200);
    expect(cameras.body).toHaveLength(1);
    const clips = await ctx.api.request('GET', `/api/cameras/${cameras.body[0].id}/recordings`, { token: alice.body.accessToken });
    expect(clips.body.items.length).toBeGreaterThan(0);
    for (const clip of clips.body.items) {
      const endedAt = Date.parse(clip.endedAt);
      expect(endedAt).toBeLessThan(sandboxNow);
      expect(endedAt).toBeGreaterThan(sandboxNow - DAY_MS - 60_000);
    }
  });

  it('loaded again, changes nothing: the same people, no second agency, account or camera', async () => {
    const before = { users: await count('app_user'), agencies: await count('agency'), cameras: await count('camera'), clips: await count('recording') };
    const again = await ctx.api.request('POST', '/api/sandbox/demo-town', { headers: key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(loaded.body);
    expect({ users: await count('app_user'), agencies: await count('agency'), cameras: await count('camera'), clips: await count('recording') }).toEqual(before);
  });

  it('signs in as each named person with the same answer as a login; the token works with their role', async () => {
    for (const person of loaded.body.people) {
      const response = await signIn(person.email);
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
      expect(response.body.user).toMatchObject({ id: person.userId, role: person.role, agencyId: person.agencyId });
      const me = await ctx.api.request('GET', '/api/me', { token: response.body.accessToken });
      expect({ email: person.email, status: me.status, id: me.body.id, role: me.body.role }).toEqual({
        email: person.email,
        status: 200,
        id: person.userId,
        role: person.role,
      });
    }
  });

  it('signs in as anyone of the world, in any letter case, generated neighbours too', async () => {
    expect((await signIn('NEIGHBOUR001@Porchlight.Local')).body.user.email).toBe('neighbour001@porchlight.local');
  });

  it('puts every sign-in-as on the audit record, as itself and not as a login', async () => {
    const bob = loaded.body.people.find((person) => person.email === 'bob@porchlight.local')!;
    await signIn(bob.email);
    const audit = await ctx.api.request('GET', `/api/audit?subject=user:${bob.userId}`, { token: adminToken });
    const actions = audit.body.items.map((event: { action: string }) => event.action);
    expect(actions).toContain('auth.sign_in_without_password');
    expect(actions).not.toContain('auth.login');
  });

  it('answers 404 USER_NOT_FOUND for an email nobody has, and 400 for a missing email or an unknown field', async () => {
    const unknown = await signIn('nobody@porchlight.local');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'USER_NOT_FOUND', requestId: expect.any(String) });
    for (const body of [{}, { email: 'alice@porchlight.local', password: 'x' }, { email: 'not an email' }]) {
      const response = await ctx.api.request('POST', '/api/sandbox/sign-in', { headers: key, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('after a reset, tokens of the old town answer 401, and the town loads again with new people', async () => {
    const old = (await signIn('officer@north.porchlight.local')).body.accessToken;
    await ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
    expect((await ctx.api.request('GET', '/api/me', { token: old })).status).toBe(401);
    const reloaded = await ctx.api.request('POST', '/api/sandbox/demo-town', { headers: key });
    expect(reloaded.status).toBe(200);
    expect(reloaded.body.people.map((person: Person) => person.email)).toEqual(loaded.body.people.map((person) => person.email));
    expect(reloaded.body.people[1].userId).not.toBe(loaded.body.people[1]!.userId);
  });
});
