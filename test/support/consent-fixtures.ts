import { Clock } from '@app/clock';
import { expect } from '@jest/globals';
import { newCamera, newOfficer, newResident, type TestUser } from './cameras-fixtures.js';
import { clip, HOUR, MINUTE, north } from './requests-fixtures.js';
import type { TestContext } from './test-context.js';

/** The clock every consent test file starts from; requests look at the two hours before it. */
export const CONSENT_NOW = new Date('2031-09-01T12:00:00Z');
export const CENTER = { lat: 40.7, lng: -74.0 };

/** A resident with one camera in the area and `clips` recordings inside the window. */
export interface Neighbor extends TestUser {
  cameraId: string;
  recordingIds: string[];
}

export async function newNeighbor(ctx: TestContext, clips = 2, metersNorth = 0, name?: string): Promise<Neighbor> {
  const resident = await newResident(ctx, name);
  const cameraId = await newCamera(ctx, resident, north(CENTER, metersNorth));
  const recordingIds: string[] = [];
  for (let i = 0; i < clips; i++) {
    const start = new Date(CONSENT_NOW.getTime() - 2 * HOUR + (i + 1) * 10 * MINUTE);
    recordingIds.push(await clip(ctx, resident, cameraId, start, new Date(start.getTime() + 5 * MINUTE)));
  }
  return { ...resident, cameraId, recordingIds };
}

let caseNumber = 0;

/** A footage request by `officer` over a 300 m circle around CENTER and the two hours before now. */
export async function newRequest(ctx: TestContext, officer: TestUser, body: Record<string, unknown> = {}): Promise<string> {
  const response = await ctx.api.request('POST', '/api/portal/requests', {
    token: officer.token,
    body: {
      caseNumber: `CONSENT-${++caseNumber}`,
      incidentType: 'package-theft',
      description: 'Parcel taken from a porch',
      window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
      area: { center: CENTER, radiusMeters: 300 },
      ...body,
    },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

/** An owner's answer; the raw response, so tests can check refusals too. */
export const respond = (ctx: TestContext, owner: TestUser, requestId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  ctx.api.request('POST', `/api/me/requests/${requestId}/response`, { token: owner.token, body, headers });

/** Sets the clock to CONSENT_NOW and makes an officer of a fresh agency covering CENTER. */
export async function consentWorld(ctx: TestContext): Promise<{ officer: TestUser }> {
  await ctx.api.app.get(Clock).setNow(CONSENT_NOW);
  return { officer: await newOfficer(ctx) };
}

/** The agency an officer made by newOfficer belongs to. */
export async function agencyIdOf(ctx: TestContext, officer: TestUser): Promise<string> {
  const [row] = await ctx.dataSource.query('SELECT agency_id FROM app_user WHERE id = $1', [officer.id]);
  return row.agency_id;
}

/** How the owner is shown to police for one request ('Neighbor #n'), as the owner's own list says. */
export async function shownToPoliceAs(ctx: TestContext, owner: TestUser, requestId: string): Promise<string> {
  const response = await ctx.api.request('GET', '/api/me/requests?limit=100', { token: owner.token });
  expect(response.status).toBe(200);
  const item = response.body.items.find((entry: { id: string }) => entry.id === requestId);
  expect(item).toBeDefined();
  return item.shownToPoliceAs;
}
