import { TokenService, UsersService } from '@app/identity';
import { expect } from '@jest/globals';
import type { TestContext } from './test-context.js';

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  token: string;
}

let n = 0;

/** A freshly registered resident with a token. */
export async function newResident(ctx: TestContext, displayName = `Neighbor ${++n}`): Promise<TestUser> {
  const email = `resident-${++n}-${Date.now()}@example.org`;
  const response = await ctx.api.request('POST', '/api/auth/register', {
    body: { email, password: 'a-long-enough-password', displayName },
  });
  expect(response.status).toBe(201);
  return { id: response.body.user.id, email, displayName, token: response.body.accessToken };
}

export async function adminToken(ctx: TestContext): Promise<string> {
  return ctx.api.app.get(TokenService).issue(await ctx.api.app.get(UsersService).ensureAdmin());
}

/** A camera of `owner` at `location`; returns its id. */
export async function newCamera(
  ctx: TestContext,
  owner: TestUser,
  location: { lat: number; lng: number },
  label = 'Porch',
): Promise<string> {
  const response = await ctx.api.request('POST', '/api/cameras', { token: owner.token, body: { label, location } });
  expect(response.status).toBe(201);
  return response.body.id;
}

/**
 * An officer (or agency admin) of a fresh agency, written by SQL so that these tests need
 * nothing of the agencies API; the JWT guard loads the user from the table on every request.
 */
export async function newOfficer(ctx: TestContext, role: 'officer' | 'agency_admin' = 'officer', kind = 'police'): Promise<TestUser> {
  const [agency] = await ctx.dataSource.query(
    `INSERT INTO agency (name, kind, city, state, zip, jurisdiction, partner_since)
     VALUES ('Test Police Department', $1, 'Testville', 'NY', '10001',
             ST_GeogFromText('MULTIPOLYGON(((-74.1 40.6, -73.9 40.6, -73.9 40.8, -74.1 40.8, -74.1 40.6)))'), '2019-08-01')
     RETURNING id`,
    [kind],
  );
  const email = `${role}-${++n}-${Date.now()}@police.example.org`;
  const displayName = `Officer ${n}`;
  const [user] = await ctx.dataSource.query(
    `INSERT INTO app_user (email, display_name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, 'not-a-hash') RETURNING id`,
    [email, displayName, role, agency.id],
  );
  return { id: user.id, email, displayName, token: ctx.api.app.get(TokenService).issue({ id: user.id, role }) };
}

/** A platform moderator, made by the admin through the API and logged in. */
export async function newModerator(ctx: TestContext): Promise<TestUser> {
  const email = `moderator-${++n}-${Date.now()}@porchlight.example`;
  const password = 'a-long-enough-password';
  const displayName = `Moderator ${n}`;
  const created = await ctx.api.request('POST', '/api/users', { token: await adminToken(ctx), body: { email, password, displayName, role: 'moderator' } });
  expect(created.status).toBe(201);
  const login = await ctx.api.request('POST', '/api/auth/login', { body: { email, password } });
  expect(login.status).toBe(200);
  return { id: login.body.user.id, email, displayName, token: login.body.accessToken };
}
