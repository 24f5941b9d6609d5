import { Clock } from '@app/clock';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newOfficer, type TestUser } from '../support/cameras-fixtures.js';
import { HOUR, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const NOW = new Date('2031-06-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('footage requests of an agency: list, read, close, delete', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let otherAgency: TestUser;
  let n = 0;

  const create = async (token = officer.token) => {
    const response = await ctx.api.request('POST', '/api/portal/requests', {
      token,
      body: {
        caseNumber: `L-${++n}`,
        incidentType: 'burglary',
        description: 'Break-in through the back door',
        window: { start: ago(2 * HOUR), end: ago(HOUR) },
        area: { center: { lat: 40.7, lng: -74.0 }, radiusMeters: 200 },
      },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const call = (method: string, path: string, token = officer.token) => ctx.api.request(method, `/api/portal/requests${path}`, { token });
  const auditOf = (action: string, id: string) =>
    ctx.dataSource.query('SELECT actor FROM audit_event WHERE action = $1 AND subject = $2', [action, `request:${id}`]);

  beforeAll(async () => {
    admin = await adminToken(ctx);
    officer = await newOfficer(ctx);
    otherAgency = await newOfficer(ctx, 'agency_admin');
    await ctx.api.app.get(Clock).setNow(NOW);
  });

  it('answers another agency’s request with 404 on every route, and a bad id with 400', async () => {
    const id = await create();
    for (const [method, path] of [['GET', `/${id}`], ['POST', `/${id}/close`], ['DELETE', `/${id}`]] as const) {
      const response = await call(method, path, otherAgency.token);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'REQUEST_NOT_FOUND' });
    }
    expect((await call('GET', `/${id}`)).body).toMatchObject({ id, status: 'open' });
    expect((await call('GET', '/not-a-uuid')).status).toBe(400);
  });

  it('closes an open request once (audited); closing again is 409 REQUEST_NOT_OPEN', async () => {
    const id = await create();
    const closed = await call('POST', `/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id, status: 'closed', closedAt: expect.any(String) });
    const again = await call('POST', `/${id}/close`);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'REQUEST_NOT_OPEN' });
    expect(await auditOf('request.closed', id)).toEqual([{ actor: `user:${officer.id}` }]);
  });

  it('under ring-2019 deletes a request: gone from the agency’s reads and lists, kept on record, audited', async () => {
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    const id = await create();
    expect((await call('DELETE', `/${id}`)).status).toBe(204);
    expect((await call('GET', `/${id}`)).status).toBe(404);
    expect((await call('GET', '')).body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect(await ctx.dataSource.query('SELECT status FROM footage_request WHERE id = $1', [id])).toEqual([{ status: 'deleted' }]);
    expect(await auditOf('request.deleted', id)).toEqual([{ actor: `user:${officer.id}` }]);
  });

  it.each(['ring-2021', 'privacy-by-design'])('under %s refuses deletion with 422 POLICY_DELETE_NOT_ALLOWED; closing still works', async (profile) => {
    await usePolicy(ctx, admin, { profile });
    try {
      const id = await create();
      const response = await call('DELETE', `/${id}`);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'POLICY_DELETE_NOT_ALLOWED' });
      expect((await call('GET', `/${id}`)).body.status).toBe('open');
      expect((await call('POST', `/${id}/close`)).status).toBe(200);
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('lists only the agency’s own requests, newest first, in keyset pages, filtered by status', async () => {
    const agency = await newOfficer(ctx);
    const ids = [await create(agency.token), await create(agency.token), await create(agency.token)];
    await call('POST', `/${ids[1]}/close`, agency.token);
    await create(otherAgency.token);

    const first = await call('GET', '?limit=2', agency.token);
    expect(first.status).toBe(200);
    const second = await call('GET', `?limit=2&cursor=${first.body.nextCursor}`, agency.token);
    expect([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id)).toEqual([...ids].reverse());
    expect(second.body.nextCursor).toBeNull();

    const closed = await call('GET', '?status=closed', agency.token);
    expect(closed.body.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
    expect(closed.body.items[0].counts).toEqual({
      notified: 0,
      excluded: { noRecordings: 0, blocked: 0, encrypted: 0, optInNotGiven: 0 },
      shared: 0,
      declined: 0,
      pending: 0,
    });
    expect((await call('GET', '?status=deleted', agency.token)).status).toBe(400);
    expect((await call('GET', '?cursor=nonsense', agency.token)).status).toBe(400);
  });
});
