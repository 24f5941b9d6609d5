import { createHash } from 'node:crypto';
import { Clock } from '@app/clock';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newCamera, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { clip, HOUR, north, setPrivacy, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const NOW = new Date('2031-03-01T12:00:00Z');
const at = (iso: string) => new Date(`2031-03-01T${iso}Z`);
const WINDOW = { start: at('10:00:00').toISOString(), end: at('11:30:00').toISOString() };
const CENTER = { lat: 40.7, lng: -74.0 };
const RADIUS = 200;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('a request reaches only owners in its area, with only overlapping recordings (invariant 2)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  const owner: Record<string, TestUser> = {};
  const offeredOf: Record<string, string[]> = {};
  const idOf = (name: string) => owner[name]!.id;

  const create = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    ctx.api.request('POST', '/api/portal/requests', {
      token: officer.token,
      headers,
      body: { caseNumber: 'C-1', incidentType: 'package-theft', description: 'Parcel taken from a porch', window: WINDOW, area: { center: CENTER, radiusMeters: RADIUS }, ...body },
    });
  const recipients = async (requestId: string) =>
    (await ctx.dataSource.query('SELECT owner_id, pseudonym_number, consent_state FROM request_recipient WHERE request_id = $1 ORDER BY owner_id', [requestId])) as {
      owner_id: string;
      pseudonym_number: number;
      consent_state: string;
    }[];
  const offers = async (requestId: string) =>
    ((await ctx.dataSource.query('SELECT owner_id, recording_id FROM request_offer WHERE request_id = $1', [requestId])) as { owner_id: string; recording_id: string }[])
      .map((row) => `${row.owner_id}/${row.recording_id}`)
      .sort();
  const expectedOffers = (...names: string[]) => names.flatMap((name) => offeredOf[name]!.map((recording) => `${idOf(name)}/${recording}`)).sort();

  beforeAll(async () => {
    admin = await adminToken(ctx);
    officer = await newOfficer(ctx);
    await ctx.api.app.get(Clock).setNow(NOW);
    const resident = async (name: string, privacy?: Record<string, unknown>) => {
      owner[name] = await newResident(ctx, name);
      if (privacy) await setPrivacy(ctx, owner[name]!, privacy);
      offeredOf[name] = [];
      return owner[name]!;
    };

    // Never chose: receives under opt-out. Overlapping clips: one inside, one across the start;
    // not overlapping: one ending exactly at the start, one starting exactly at the end.
    const ann = await resident('ann');
    const annCam = await newCamera(ctx, ann, CENTER);
    offeredOf.ann!.push(await clip(ctx, ann, annCam, at('10:30:00'), at('10:31:00')));
    offeredOf.ann!.push(await clip(ctx, ann, annCam, at('09:50:00'), at('10:10:00')));
    await clip(ctx, ann, annCam, at('09:30:00'), at('10:00:00'));
    await clip(ctx, ann, annCam, at('11:30:00'), at('11:35:00'));
    // A clip of the full hour that began 59 minutes before the window still overlaps it.
    const bob = await resident('bob', { policeRequests: 'receive' });
    const bobCam = await newCamera(ctx, bob, north(CENTER, 100));
    offeredOf.bob!.push(await clip(ctx, bob, bobCam, at('09:01:00'), at('10:01:00')));
    // Bob's second camera is outside the area: its overlapping clip is never offered.
    const bobFar = await newCamera(ctx, bob, north(CENTER, 1500));
    await clip(ctx, bob, bobFar, at('10:00:00'), at('10:30:00'));
    // 190 m from the centre is inside a 200 m circle, 210 m is not.
    const edgeIn = await resident('edgeIn', { policeRequests: 'receive' });
    offeredOf.edgeIn!.push(await clip(ctx, edgeIn, await newCamera(ctx, edgeIn, north(CENTER, 190)), at('11:00:00'), at('11:10:00')));
    const edgeOut = await resident('edgeOut', { policeRequests: 'receive' });
    await clip(ctx, edgeOut, await newCamera(ctx, edgeOut, north(CENTER, 210)), at('11:00:00'), at('11:10:00'));
    const quiet = await resident('quiet', { policeRequests: 'receive' });
    await clip(ctx, quiet, await newCamera(ctx, quiet, north(CENTER, -50)), at('08:00:00'), at('08:10:00'));
    const blocker = await resident('blocker', { policeRequests: 'block' });
    await clip(ctx, blocker, await newCamera(ctx, blocker, north(CENTER, 20)), at('10:00:00'), at('10:30:00'));
    const encrypted = await resident('encrypted', { policeRequests: 'receive', endToEndEncryption: true });
    await clip(ctx, encrypted, await newCamera(ctx, encrypted, north(CENTER, -20)), at('10:00:00'), at('10:30:00'));
    const far = await resident('far', { policeRequests: 'receive' });
    await clip(ctx, far, await newCamera(ctx, far, north(CENTER, 3000)), at('10:00:00'), at('10:30:00'));
  });

  it('under an opt-out policy asks exactly the receiving owners in the area with an overlapping clip, and counts the rest', async () => {
    const response = await create({});
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'open',
      policyProfile: 'ring-2019',
      delivery: 'private',
      counts: { notified: 3, excluded: { noRecordings: 1, blocked: 1, encrypted: 1, optInNotGiven: 0 }, shared: 0, declined: 0, pending: 3 },
      expiresAt: new Date(Date.parse(response.body.createdAt) + 7 * 24 * HOUR).toISOString(),
    });
    const asked = await recipients(response.body.id);
    expect(asked.map((row) => row.owner_id).sort()).toEqual([idOf('ann'), idOf('bob'), idOf('edgeIn')].sort());
    expect(asked.every((row) => row.consent_state === 'requested')).toBe(true);
    expect(await offers(response.body.id)).toEqual(expectedOffers('ann', 'bob', 'edgeIn'));
  });

  it('numbers the neighbours 1..N in an order drawn per request, so a number does not follow an owner across requests', async () => {
    const response = await create({ caseNumber: 'C-2' });
    const asked = await recipients(response.body.id);
    const drawn = [...asked].sort((a, b) => md5(`${response.body.id}${a.owner_id}`).localeCompare(md5(`${response.body.id}${b.owner_id}`)));
    expect(drawn.map((row) => row.pseudonym_number)).toEqual([1, 2, 3]);
  });

  it('under an opt-in policy leaves out owners who never chose (counted opt-in-not-given)', async () => {
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    try {
      const response = await create({ caseNumber: 'C-3' });
      expect(response.status).toBe(201);
      expect(response.body.counts).toEqual({
        notified: 2,
        excluded: { noRecordings: 1, blocked: 1, encrypted: 1, optInNotGiven: 1 },
        shared: 0,
        declined: 0,
        pending: 2,
      });
      expect((await recipients(response.body.id)).map((row) => row.owner_id).sort()).toEqual([idOf('bob'), idOf('edgeIn')].sort());
      expect(await offers(response.body.id)).toEqual(expectedOffers('bob', 'edgeIn'));
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('matches a polygon area with the cameras inside it only', async () => {
    // From 60 m south to 150 m north of the centre, 100 m wide: ann, bob's near camera, the quiet
    // owner, the blocker and the encrypting owner are inside; the 190 m owner is not.
    const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
    const d = (meters: number) => meters / 111_030;
    const lngD = (meters: number) => meters / 84_280;
    const [s, n, w, e] = [CENTER.lat - d(60), CENTER.lat + d(150), CENTER.lng - lngD(50), CENTER.lng + lngD(50)].map(round);
    const polygon = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
    const response = await create({ caseNumber: 'C-4', area: polygon });
    expect(response.status).toBe(201);
    expect(response.body.area).toEqual(polygon);
    expect(response.body.counts.notified).toBe(2);
    expect(response.body.counts.excluded).toEqual({ noRecordings: 1, blocked: 1, encrypted: 1, optInNotGiven: 0 });
    expect(await offers(response.body.id)).toEqual(expectedOffers('ann', 'bob'));
  });

  it('writes one outbox event with ids only and one audit event, in the request’s transaction', async () => {
    const response = await create({ caseNumber: 'C-5' });
    const events = await ctx.dataSource.query(`SELECT payload FROM outbox_event WHERE type = 'request.created' AND payload->>'requestId' = $1`, [response.body.id]);
    expect(events).toEqual([{ payload: { requestId: response.body.id, agencyId: expect.any(String) } }]);
    const audit = await ctx.dataSource.query(`SELECT actor, data FROM audit_event WHERE action = 'request.created' AND subject = $1`, [`request:${response.body.id}`]);
    expect(audit).toEqual([{ actor: `user:${officer.id}`, data: expect.objectContaining({ notified: 3, caseNumber: 'C-5' }) }]);
  });

  it('refuses an area that does not touch the agency jurisdiction with 422 AREA_OUTSIDE_JURISDICTION, and stores nothing', async () => {
    const before = await ctx.dataSource.query('SELECT count(*)::int AS n FROM footage_request');
    const response = await create({ caseNumber: 'C-6', area: { center: { lat: 41.5, lng: -74.0 }, radiusMeters: RADIUS } });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('AREA_OUTSIDE_JURISDICTION');
    expect(await ctx.dataSource.query('SELECT count(*)::int AS n FROM footage_request')).toEqual(before);
  });

  it('with the same Idempotency-Key returns the first request and creates no second one', async () => {
    const headers = { 'idempotency-key': 'create-request-once' };
    const first = await create({ caseNumber: 'C-7' }, headers);
    const second = await create({ caseNumber: 'C-7' }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await ctx.dataSource.query(`SELECT count(*)::int AS n FROM footage_request WHERE case_number = 'C-7'`)).toEqual([{ n: 1 }]);
  });
});
