import { cellOf } from '@app/geo';
import { expect } from '@jest/globals';
import type { TestUser } from './cameras-fixtures.js';
import { CENTER, CONSENT_NOW } from './consent-fixtures.js';
import { HOUR, north } from './requests-fixtures.js';
import type { TestContext } from './test-context.js';

/**
 * `count` owners, each with a camera within 250 m of CENTER and a clip in the consent window, in
 * one statement: thousands of recipients for a fan-out without thousands of sign-ups. Emails start
 * with `prefix`, so two calls make distinct people.
 */
export async function seedOwners(ctx: TestContext, count: number, prefix = 'bulk'): Promise<void> {
  const cameras = Array.from({ length: count }, (_, i) => {
    const location = north(CENTER, (i % 500) - 250);
    return { lat: location.lat, lng: location.lng + (Math.floor(i / 500) - 5) * 0.0002, cell: '' };
  }).map((camera) => ({ ...camera, cell: cellOf(camera) }));
  await ctx.dataSource.query(
    `WITH owners AS (
       INSERT INTO app_user (email, display_name, role, password_hash)
       SELECT $6 || '-' || n || '@example.org', 'Neighbor ' || n, 'resident', 'not-a-hash' FROM generate_series(1, $1::int) AS n
       RETURNING id, split_part(split_part(email, '-', 2), '@', 1)::int AS n
     ),
     cameras AS (
       INSERT INTO camera (owner_id, label, location, h3_r9, created_at)
       SELECT owners.id, 'Porch', ST_SetSRID(ST_MakePoint(($2::float8[])[owners.n], ($3::float8[])[owners.n]), 4326)::geography,
              ($4::text[])[owners.n], $5
       FROM owners
       RETURNING id
     )
     INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at)
     SELECT id, $5::timestamptz - interval '90 minutes', $5::timestamptz - interval '80 minutes', 'motion', $5 FROM cameras`,
    [count, cameras.map((c) => c.lng), cameras.map((c) => c.lat), cameras.map((c) => c.cell), CONSENT_NOW, prefix],
  );
}

/** A request by `officer` over every seeded owner (a 400 m circle around CENTER); its id. `post` sends it (default: the file's api). */
export async function askEveryone(
  ctx: TestContext,
  officer: TestUser,
  caseNumber: string,
  expectedOwners: number,
  post: (body: unknown) => Promise<{ status: number; body: any }> = (body) => ctx.api.request('POST', '/api/portal/requests', { token: officer.token, body }),
): Promise<string> {
  const response = await post({
    caseNumber,
    incidentType: 'burglary',
    description: 'Break-in on the block',
    window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
    area: { center: CENTER, radiusMeters: 400 },
  });
  expect(response.status).toBe(201);
  expect(response.body.counts.notified).toBe(expectedOwners);
  return response.body.id;
}

/** A request's inbox rows, and how many people they are for (equal, when nothing was doubled). */
export async function inboxOf(ctx: TestContext, requestId: string): Promise<{ rows: number; users: number }> {
  const [row] = await ctx.dataSource.query(
    `SELECT count(*)::int AS rows, count(DISTINCT user_id)::int AS users FROM notification WHERE data->>'requestId' = $1`,
    [requestId],
  );
  return row;
}
