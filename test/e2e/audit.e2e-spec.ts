import { AuditService } from '@app/audit';
import { Clock } from '@app/clock';
import { TokenService, UsersService } from '@app/identity';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useTestContext } from '../support/test-context.js';

interface AuditItem {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

describe('audit log over HTTP (admin only)', () => {
  const ctx = useTestContext();
  let adminToken: string;
  let residentToken: string;

  const record = (entry: { actor: string; action: string; subject: string; data?: Record<string, unknown> }) =>
    ctx.dataSource.transaction((manager) => ctx.api.app.get(AuditService).record(manager, entry));
  /** Records an event whose `at` is the given instant (sandbox clock), then puts the clock back. */
  const recordAt = async (at: string, subject: string) => {
    const clock = ctx.api.app.get(Clock);
    await clock.setNow(new Date(at));
    try {
      await record({ actor: 'system', action: 'test.dated', subject });
    } finally {
      await clock.setNow(new Date());
    }
  };
  const list = (query = '', token = adminToken) => ctx.api.request('GET', `/api/audit${query}`, { token });
  /** Follows nextCursor to the end; every page is requested with the same filters. */
  const allPages = async (query: string) => {
    const pages: AuditItem[][] = [];
    let cursor: string | null = null;
    do {
      const response = await list(`?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor !== null);
    return pages;
  };

  beforeAll(async () => {
    adminToken = ctx.api.app.get(TokenService).issue(await ctx.api.app.get(UsersService).ensureAdmin());
    const resident = await ctx.api.request('POST', '/api/auth/register', {
      body: { email: 'resident@example.org', password: 'a-long-enough-password', displayName: 'Resident' },
    });
    residentToken = resident.body.accessToken;
  });

  it('answers 401 without a token', async () => {
    expect((await ctx.api.request('GET', '/api/audit')).status).toBe(401);
    expect((await ctx.api.request('GET', '/api/audit/verify')).status).toBe(401);
  });

  it('answers 403 to a resident', async () => {
    expect((await list('', residentToken)).status).toBe(403);
    expect((await ctx.api.request('GET', '/api/audit/verify', { token: residentToken })).status).toBe(403);
  });

  it('lists events newest first with every chained field', async () => {
    await record({ actor: 'system', action: 'test.shape', subject: 'thing:shape', data: { b: 2, a: [1] } });
    const response = await list('?limit=2');
    expect(response.status).toBe(200);
    const [newest, older] = response.body.items as AuditItem[];
    expect(newest).toEqual({
      seq: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actor: 'system',
      action: 'test.shape',
      subject: 'thing:shape',
      data: { a: [1], b: 2 },
      prevHash: older!.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(older!.seq).toBe(newest!.seq - 1);
  });

  it('pages with an opaque cursor: every event once, newest first, until nextCursor is null', async () => {
    for (let n = 1; n <= 7; n++) await record({ actor: 'user:pager', action: 'test.page', subject: `thing:${n}` });
    const pages = await allPages('actor=user:pager&limit=3');
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((item) => item.subject)).toEqual([7, 6, 5, 4, 3, 2, 1].map((n) => `thing:${n}`));
  });

  it('defaults to 20 per page, like every keyset list, and takes at most 100', async () => {
    for (let n = 0; n < 25; n++) await record({ actor: 'user:many', action: 'test.many', subject: 'thing:many' });
    const first = await list('?actor=user:many');
    expect(first.body.items).toHaveLength(20);
    expect((await list('?actor=user:many&limit=101')).status).toBe(400);
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('filters by actor, action and subject, each exactly', async () => {
    await record({ actor: 'user:filter-a', action: 'test.filter_one', subject: 'thing:f1' });
    await record({ actor: 'user:filter-a', action: 'test.filter_two', subject: 'thing:f2' });
    await record({ actor: 'user:filter-b', action: 'test.filter_one', subject: 'thing:f2' });
    const subjects = async (query: string) => ((await list(query)).body.items as AuditItem[]).map((item) => item.subject);
    expect(await subjects('?actor=user:filter-a')).toEqual(['thing:f2', 'thing:f1']);
    expect(await subjects('?action=test.filter_one')).toEqual(['thing:f2', 'thing:f1']);
    expect(await subjects('?subject=thing:f2&actor=user:filter-b')).toEqual(['thing:f2']);
    expect(await subjects('?actor=user:filter')).toEqual([]);
  });

  it('filters by time: from is inclusive, to is exclusive', async () => {
    await recordAt('2020-01-01T10:00:00.000Z', 'thing:t1');
    await recordAt('2020-01-02T10:00:00.000Z', 'thing:t2');
    await recordAt('2020-01-03T10:00:00.000Z', 'thing:t3');
    const subjects = async (query: string) =>
      ((await list(`?action=test.dated&${query}`)).body.items as AuditItem[]).map((item) => item.subject);
    expect(await subjects('from=2020-01-02T00:00:00Z&to=2020-01-03T00:00:00Z')).toEqual(['thing:t2']);
    expect(await subjects('from=2020-01-02')).toEqual(['thing:t3', 'thing:t2']);
    expect(await subjects('to=2020-01-02')).toEqual(['thing:t1']);
  });

  it.each([
    ['limit=0'],
    ['limit=201'],
    ['limit=ten'],
    ['from=yesterday'],
    ['to=2025-13-01'],
    ['from=2025-W01-1'],
    ['cursor=not-a-cursor'],
    ['colour=blue'],
  ])('answers 400 to a bad query value (%s)', async (query) => {
    const response = await list(`?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: expect.any(String), requestId: expect.any(String) });
  });

  it('verifies the chain, including the events identity wrote, with the newest hash as head', async () => {
    const response = await ctx.api.request('GET', '/api/audit/verify', { token: adminToken });
    expect(response.status).toBe(200);
    const [newest] = (await list('?limit=1')).body.items as AuditItem[];
    expect(response.body).toEqual({ ok: true, length: newest!.seq, head: newest!.hash });
    expect((await list('?action=auth.register')).body.items).toHaveLength(1);
  });

  it('reports a tampered event at its seq', async () => {
    const [newest] = (await list('?limit=1')).body.items as AuditItem[];
    await ctx.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    try {
      await ctx.dataSource.query(`UPDATE audit_event SET actor = 'someone-else' WHERE seq = $1`, [newest!.seq]);
    } finally {
      await ctx.dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    }
    const response = await ctx.api.request('GET', '/api/audit/verify', { token: adminToken });
    expect(response.body).toEqual({ ok: false, length: newest!.seq - 1, firstBadSeq: newest!.seq });
  });

  it('documents both routes in OpenAPI', async () => {
    const { body } = await ctx.api.request('GET', '/docs-json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/audit', '/api/audit/verify']));
  });
});
