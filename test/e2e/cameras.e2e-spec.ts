import { Clock } from '@app/clock';
import { cellOf } from '@app/geo';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newCamera, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const HOME = { lat: 40.7128, lng: -74.006 };
const ELSEWHERE = { lat: 40.7306, lng: -73.9352 };
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('cameras: a resident manages only their own', () => {
  const ctx = useTestContext();
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    ann = await newResident(ctx, 'Ann');
    bob = await newResident(ctx, 'Bob');
  });

  const auditOf = (subject: string) =>
    ctx.dataSource.query('SELECT actor, action, data FROM audit_event WHERE subject = $1 ORDER BY seq', [subject]);

  it('adds a camera with its H3 cell computed from the location, and audits it', async () => {
    const response = await ctx.api.request('POST', '/api/cameras', { token: ann.token, body: { label: 'Front porch', location: HOME } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      label: 'Front porch',
      location: HOME,
      cell: cellOf(HOME),
      createdAt: expect.any(String),
    });
    const [stored] = await ctx.dataSource.query('SELECT h3_r9, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM camera WHERE id = $1', [
      response.body.id,
    ]);
    expect(stored).toEqual({ h3_r9: cellOf(HOME), lat: HOME.lat, lng: HOME.lng });
    expect(await auditOf(`camera:${response.body.id}`)).toEqual([
      { actor: `user:${ann.id}`, action: 'camera.created', data: { cell: cellOf(HOME) } },
    ]);
  });

  it('lists only the caller’s cameras, newest first', async () => {
    const carol = await newResident(ctx);
    const first = await newCamera(ctx, carol, HOME, 'first');
    const second = await newCamera(ctx, carol, ELSEWHERE, 'second');
    await newCamera(ctx, bob, HOME, 'not carol’s');
    const response = await ctx.api.request('GET', '/api/cameras', { token: carol.token });
    expect(response.status).toBe(200);
    expect(response.body.map((camera: { id: string }) => camera.id)).toEqual([second, first]);
  });

  it('answers another resident’s camera exactly like a missing one (404) on every route', async () => {
    const bobsCamera = await newCamera(ctx, bob, HOME, 'Bob’s');
    const recording = { startedAt: '2020-01-01T00:00:00Z', endedAt: '2020-01-01T00:01:00Z', trigger: 'motion' };
    const attempts: [string, string, unknown?][] = [
      ['GET', ''],
      ['PATCH', '', { label: 'mine now' }],
      ['DELETE', ''],
      ['GET', '/recordings'],
      ['POST', '/recordings', recording],
    ];
    for (const [method, suffix, body] of attempts) {
      const theirs = await ctx.api.request(method, `/api/cameras/${bobsCamera}${suffix}`, { token: ann.token, body });
      const missing = await ctx.api.request(method, `/api/cameras/${MISSING_ID}${suffix}`, { token: ann.token, body });
      expect([method + suffix, theirs.status, theirs.body.code, theirs.body.message]).toEqual([
        method + suffix,
        404,
        missing.body.code,
        missing.body.message,
      ]);
    }
    const unchanged = await ctx.api.request('GET', `/api/cameras/${bobsCamera}`, { token: bob.token });
    expect(unchanged.body.label).toBe('Bob’s');
    expect(await ctx.dataSource.query('SELECT count(*)::int AS n FROM recording WHERE camera_id = $1', [bobsCamera])).toEqual([{ n: 0 }]);
  });

  it.each(['GET', 'PATCH', 'DELETE'])('rejects an id that is not a UUID with 400 on %s', async (method) => {
    const response = await ctx.api.request(method, '/api/cameras/not-a-uuid', { token: ann.token, body: method === 'PATCH' ? { label: 'x' } : undefined });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('ID_INVALID');
  });

  it.each([
    ['a latitude above 90', { label: 'x', location: { lat: 90.0001, lng: 0 } }],
    ['a latitude below -90', { label: 'x', location: { lat: -91, lng: 0 } }],
    ['a longitude above 180', { label: 'x', location: { lat: 0, lng: 180.5 } }],
    ['a longitude below -180', { label: 'x', location: { lat: 0, lng: -181 } }],
    ['coordinates as strings', { label: 'x', location: { lat: '40.7', lng: '-74' } }],
    ['NaN (null in JSON)', { label: 'x', location: { lat: null, lng: 0 } }],
    ['"NaN" as a string', { label: 'x', location: { lat: 'NaN', lng: 0 } }],
    ['a missing longitude', { label: 'x', location: { lat: 1 } }],
    ['a location that is a string', { label: 'x', location: '40.7,-74' }],
    ['a location that is an array', { label: 'x', location: [40.7, -74] }],
    ['no location', { label: 'x' }],
    ['an empty label', { label: '', location: HOME }],
    ['a blank label', { label: '   ', location: HOME }],
    ['an 81-character label', { label: 'x'.repeat(81), location: HOME }],
    ['a label that is a number', { label: 42, location: HOME }],
    ['an unknown field', { label: 'x', location: HOME, ownerId: MISSING_ID }],
    ['an unknown field in the location', { label: 'x', location: { ...HOME, alt: 3 } }],
  ])('rejects a camera with %s (400) and stores nothing', async (_case, body) => {
    const before = await ctx.dataSource.query('SELECT count(*)::int AS n FROM camera');
    const response = await ctx.api.request('POST', '/api/cameras', { token: ann.token, body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: expect.any(Array) });
    expect(await ctx.dataSource.query('SELECT count(*)::int AS n FROM camera')).toEqual(before);
  });

  it('accepts an 80-character label and the extreme coordinates', async () => {
    const response = await ctx.api.request('POST', '/api/cameras', {
      token: ann.token,
      body: { label: 'x'.repeat(80), location: { lat: -90, lng: 180 } },
    });
    expect(response.status).toBe(201);
  });

  it('moving a camera recomputes its cell; renaming keeps it', async () => {
    const id = await newCamera(ctx, ann, HOME);
    const moved = await ctx.api.request('PATCH', `/api/cameras/${id}`, { token: ann.token, body: { location: ELSEWHERE } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ location: ELSEWHERE, cell: cellOf(ELSEWHERE) });
    const renamed = await ctx.api.request('PATCH', `/api/cameras/${id}`, { token: ann.token, body: { label: 'Garage' } });
    expect(renamed.body).toMatchObject({ label: 'Garage', location: ELSEWHERE, cell: cellOf(ELSEWHERE) });
    expect(await ctx.dataSource.query('SELECT h3_r9 FROM camera WHERE id = $1', [id])).toEqual([{ h3_r9: cellOf(ELSEWHERE) }]);
  });

  it.each([
    ['an empty body', {}],
    ['a bad location', { location: { lat: 100, lng: 0 } }],
    ['an unknown field', { label: 'x', cell: '892a100d2c3ffff' }],
    ['a null label', { label: null }],
    ['a null location', { location: null }],
    ['a label with a NUL character', { label: 'Porch\u0000' }],
  ])('rejects a change with %s (400)', async (_case, body) => {
    const id = await newCamera(ctx, ann, HOME);
    const response = await ctx.api.request('PATCH', `/api/cameras/${id}`, { token: ann.token, body });
    expect(response.status).toBe(400);
  });

  it('deleting a camera deletes its recordings and is audited', async () => {
    const id = await newCamera(ctx, ann, HOME);
    const clip = { startedAt: '2020-01-01T00:00:00Z', endedAt: '2020-01-01T00:01:00Z', trigger: 'ring' };
    expect((await ctx.api.request('POST', `/api/cameras/${id}/recordings`, { token: ann.token, body: clip })).status).toBe(201);
    expect((await ctx.api.request('DELETE', `/api/cameras/${id}`, { token: ann.token })).status).toBe(204);
    expect((await ctx.api.request('GET', `/api/cameras/${id}`, { token: ann.token })).status).toBe(404);
    expect(await ctx.dataSource.query('SELECT count(*)::int AS n FROM recording WHERE camera_id = $1', [id])).toEqual([{ n: 0 }]);
    expect((await auditOf(`camera:${id}`)).map((event: { action: string }) => event.action)).toEqual(['camera.created', 'camera.deleted']);
  });

  it('the same Idempotency-Key creates one camera and replays the first answer', async () => {
    const headers = { 'idempotency-key': 'camera-once' };
    const body = { label: 'Once', location: HOME };
    const first = await ctx.api.request('POST', '/api/cameras', { token: bob.token, body, headers });
    const again = await ctx.api.request('POST', '/api/cameras', { token: bob.token, body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await ctx.dataSource.query("SELECT count(*)::int AS n FROM camera WHERE label = 'Once'")).toEqual([{ n: 1 }]);
  });

  it('is for residents only: staff get 403, no token 401', async () => {
    const admin = await adminToken(ctx);
    expect((await ctx.api.request('GET', '/api/cameras', { token: admin })).status).toBe(403);
    expect((await ctx.api.request('POST', '/api/cameras', { token: admin, body: { label: 'x', location: HOME } })).status).toBe(403);
    expect((await ctx.api.request('GET', '/api/cameras')).status).toBe(401);
  });
});

describe('recordings: simulated clips of one’s own cameras', () => {
  const ctx = useTestContext();
  const NOW = new Date('2030-06-01T12:00:00Z');
  const at = (secondsBeforeNow: number) => new Date(NOW.getTime() - secondsBeforeNow * 1000).toISOString();
  let ann: TestUser;
  let camera: string;

  beforeAll(async () => {
    await ctx.api.app.get(Clock).setNow(NOW);
    ann = await newResident(ctx);
    camera = await newCamera(ctx, ann, HOME);
  });

  const record = (body: unknown, cameraId = camera) =>
    ctx.api.request('POST', `/api/cameras/${cameraId}/recordings`, { token: ann.token, body });

  it('stores a clip and answers it', async () => {
    const response = await record({ startedAt: at(600), endedAt: at(570), trigger: 'motion' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      cameraId: camera,
      startedAt: at(600),
      endedAt: at(570),
      trigger: 'motion',
      createdAt: expect.any(String),
    });
  });

  it('accepts a clip of exactly one hour and refuses one a second longer (422 RECORDING_TOO_LONG)', async () => {
    expect((await record({ startedAt: at(7200), endedAt: at(3600), trigger: 'live' })).status).toBe(201);
    const tooLong = await record({ startedAt: at(7201), endedAt: at(3600), trigger: 'live' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('RECORDING_TOO_LONG');
  });

  it.each([
    ['ends when it starts', 0],
    ['ends before it starts', -60],
  ])('refuses a clip that %s (400 RECORDING_ENDS_BEFORE_START)', async (_case, seconds) => {
    const response = await record({ startedAt: at(1000), endedAt: at(1000 - seconds), trigger: 'ring' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('RECORDING_ENDS_BEFORE_START');
  });

  it('refuses a clip that ends after the current sandbox time (422 RECORDING_IN_FUTURE)', async () => {
    const response = await record({ startedAt: at(30), endedAt: at(-600), trigger: 'ring' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('RECORDING_IN_FUTURE');
  });

  it.each([
    ['an unknown trigger', { startedAt: '2030-01-01T00:00:00Z', endedAt: '2030-01-01T00:01:00Z', trigger: 'doorbell' }],
    ['no trigger', { startedAt: '2030-01-01T00:00:00Z', endedAt: '2030-01-01T00:01:00Z' }],
    ['a date that is not ISO 8601', { startedAt: 'yesterday', endedAt: '2030-01-01T00:01:00Z', trigger: 'ring' }],
    ['an instant without a time zone', { startedAt: '2030-01-01T00:00:00', endedAt: '2030-01-01T00:01:00Z', trigger: 'ring' }],
    ['a number for a date', { startedAt: 1893456000000, endedAt: '2030-01-01T00:01:00Z', trigger: 'ring' }],
    ['an unknown field', { startedAt: '2030-01-01T00:00:00Z', endedAt: '2030-01-01T00:01:00Z', trigger: 'ring', cameraId: MISSING_ID }],
  ])('rejects a clip with %s (400)', async (_case, body) => {
    const response = await record(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('rejects recordings of a camera id that is not a UUID (400)', async () => {
    const response = await record({ startedAt: at(60), endedAt: at(30), trigger: 'ring' }, 'nope');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('ID_INVALID');
  });

  it('pages newest first with a keyset cursor, each clip exactly once', async () => {
    const own = await newCamera(ctx, ann, ELSEWHERE);
    // Two clips start at the same instant, so the id must break the tie between pages.
    const starts = [5000, 4000, 4000, 3000, 2000];
    for (const start of starts) {
      expect((await record({ startedAt: at(start), endedAt: at(start - 10), trigger: 'motion' }, own)).status).toBe(201);
    }
    const seen: { startedAt: string; id: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await ctx.api.request('GET', `/api/cameras/${own}/recordings${query}`, { token: ann.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((clip) => clip.startedAt)).toEqual([2000, 3000, 4000, 4000, 5000].map(at));
    expect(new Set(seen.map((clip) => clip.id)).size).toBe(5);
  });

  it.each([
    ['a cursor this API never gave', '?cursor=garbage'],
    ['a zero limit', '?limit=0'],
    ['a limit over 200', '?limit=201'],
    ['an unknown parameter', '?sort=asc'],
  ])('rejects a listing with %s (400)', async (_case, query) => {
    const response = await ctx.api.request('GET', `/api/cameras/${camera}/recordings${query}`, { token: ann.token });
    expect(response.status).toBe(400);
  });
});
