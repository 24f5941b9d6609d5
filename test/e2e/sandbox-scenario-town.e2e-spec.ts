import { beforeAll, describe, expect, it } from '@jest/globals';
import { ShippedScenarioTowns } from '../../apps/sim/src/hosted/shipped-scenario-towns.js';
import { SANDBOX_KEY_HEADER, type TownPerson as Person } from '../support/sandbox-town.js';
import { useTestContext } from '../support/test-context.js';

const key = SANDBOX_KEY_HEADER;
const HOUR_MS = 3_600_000;

/**
 * A lesson in the simulator's own town: the sandbox loads a shipped scenario's town as its run
 * starts, with the demo town's named people at its centre, so the console's lesson steps work in it.
 */
describe('the sandbox loads a simulator scenario’s own town', () => {
  const ctx = useTestContext();
  let loaded: { status: number; body: { people: Person[]; town: any; neighbours: number; cameras: number } };
  const count = async (sql: string): Promise<number> => (await ctx.dataSource.query(sql))[0].n;
  const signIn = async (email: string) => (await ctx.api.request('POST', '/api/sandbox/sign-in', { headers: key, body: { email } })).body.accessToken;

  beforeAll(async () => {
    await ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
    loaded = await ctx.api.request('POST', '/api/sandbox/scenario-town', { headers: key, body: { scenario: 'who-sees-my-name' } });
  });

  it('loads the households with a camera on day 0, as the simulator plans them, and the scenario’s agencies', async () => {
    expect(loaded.status).toBe(200);
    const spec = new ShippedScenarioTowns().spec('who-sees-my-name', new Date())!;
    expect(loaded.body.neighbours).toBe(spec.plan.households.length);
    expect(spec.plan.households.length).toBeGreaterThan(300);
    expect(await count(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE '%@who-sees-my-name.sim'`)).toBe(spec.plan.households.length);
    expect(await count(`SELECT count(*)::int AS n FROM agency WHERE name = 'Falls Police Department'`)).toBe(1);
    // The scenario's 2 km grid, a street every 150 m each way.
    expect(loaded.body.town.center).toEqual({ lat: 39.7392, lng: -104.9903 });
    expect(loaded.body.town.streets.features).toHaveLength(2 * 14);
  });

  it('brings the named people: the north officer in the agency that polices the centre, where Alice’s porch is', async () => {
    const byEmail = new Map(loaded.body.people.map((person) => [person.email, person]));
    expect(byEmail.get('officer@north.porchlight.local')).toMatchObject({ role: 'officer', agencyName: 'Falls Police Department' });
    expect(byEmail.get('alice@porchlight.local')).toMatchObject({ role: 'resident' });
    // The officer asks about the named neighbours' porches for the last 12 hours: Alice, whose clips are there, is asked.
    const officer = await signIn('officer@north.porchlight.local');
    const now = Date.now();
    const request = await ctx.api.request('POST', '/api/portal/requests', {
      token: officer,
      body: {
        caseNumber: 'TOWN-1',
        incidentType: 'package-theft',
        description: 'Parcel taken from a porch',
        window: { start: new Date(now - 12 * HOUR_MS).toISOString(), end: new Date(now).toISOString() },
        // Around the named neighbours' porches, just north-east of the centre (as the console's first circle).
        area: { center: { lat: loaded.body.town.center.lat + 0.0042, lng: loaded.body.town.center.lng + 0.0028 }, radiusMeters: 400 },
      },
    });
    expect(request.status).toBe(201);
    expect(request.body.counts.notified).toBeGreaterThan(10);
    const alice = await signIn('alice@porchlight.local');
    const asked = (await ctx.api.request('GET', '/api/me/requests', { token: alice })).body.items.map((item: { id: string }) => item.id);
    expect(asked).toContain(request.body.id);
  });

  it('is idempotent, and names what it cannot load', async () => {
    const cameras = await count('SELECT count(*)::int AS n FROM camera');
    const again = await ctx.api.request('POST', '/api/sandbox/scenario-town', { headers: key, body: { scenario: 'who-sees-my-name' } });
    expect(again.body.people.map((person: Person) => person.userId)).toEqual(loaded.body.people.map((person) => person.userId));
    expect(await count('SELECT count(*)::int AS n FROM camera')).toBe(cameras);
    expect((await ctx.api.request('POST', '/api/sandbox/scenario-town', { headers: key, body: { scenario: 'no-such-lesson' } })).body).toMatchObject({
      statusCode: 404,
      code: 'SCENARIO_NOT_FOUND',
    });
    expect((await ctx.api.request('POST', '/api/sandbox/scenario-town', { headers: key, body: { scenario: '../etc' } })).status).toBe(400);
    expect((await ctx.api.request('POST', '/api/sandbox/scenario-town', { body: { scenario: 'who-sees-my-name' } })).status).toBe(401);
  });
});
