import { AppConfig } from '@app/config';
import { Clock } from '@app/clock';
import { TokenService, UsersService } from '@app/identity';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

const PASSWORD = 'a-long-enough-password';

describe('Idempotency-Key on creating POSTs', () => {
  const ctx = useTestContext();
  let adminId: string;
  let adminToken: string;
  let n = 0;

  const resident = (email = `resident${++n}@example.org`) => ({ email, password: PASSWORD, displayName: `Resident ${n}` });
  const staff = (email = `staff${++n}@example.org`) => ({ email, password: PASSWORD, displayName: `Staff ${n}`, role: 'moderator' });
  const register = (body: unknown, key?: string, url = '/api/auth/register') =>
    ctx.api.request('POST', url, { body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const createStaff = (body: unknown, key: string, token = adminToken) =>
    ctx.api.request('POST', '/api/users', { body, token, headers: { 'idempotency-key': key } });
  const userCount = async (): Promise<number> => Number((await ctx.dataSource.query('SELECT count(*) FROM app_user'))[0].count);
  const storedKey = async (key: string) =>
    (await ctx.dataSource.query('SELECT scope, route, status_code, response_body FROM idempotency_key WHERE key = $1', [key]))[0];

  beforeAll(async () => {
    const admin = await ctx.api.app.get(UsersService).ensureAdmin();
    adminId = admin.id;
    adminToken = ctx.api.app.get(TokenService).issue(admin);
  });

  it('replays the stored status and body for the same key and body, and creates nothing the second time', async () => {
    const body = resident();
    const first = await register(body, 'replay-1');
    expect(first.status).toBe(201);
    const users = await userCount();

    // The same body with its fields in another order is the same request.
    const again = await register({ displayName: body.displayName, password: body.password, email: body.email }, 'replay-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await userCount()).toBe(users);
    expect(await storedKey('replay-1')).toEqual({
      scope: 'anonymous',
      route: 'POST /api/auth/register',
      status_code: 201,
      response_body: first.body,
    });
  });

  it('replays for a signed-in caller too, scoped to that user', async () => {
    const body = staff();
    const first = await createStaff(body, 'staff-replay');
    const users = await userCount();
    const again = await createStaff(body, 'staff-replay');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(await userCount()).toBe(users);
    expect((await storedKey('staff-replay')).scope).toBe(adminId);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body, and creates nothing', async () => {
    expect((await register(resident(), 'reused-body')).status).toBe(201);
    const users = await userCount();
    const reused = await register(resident(), 'reused-body');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await userCount()).toBe(users);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key and body on another route', async () => {
    const body = resident();
    expect((await register(body, 'reused-route')).status).toBe(201);
    const elsewhere = await register(body, 'reused-route', '/api/auth/register?source=retry');
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS to a duplicate that arrives while the first is still running', async () => {
    // Hold inserts into app_user so the first request stays inside its handler.
    const blocker = ctx.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE app_user IN SHARE MODE');
    const body = resident();
    const first = register(body, 'in-flight');
    try {
      await waitFor(async () => (await storedKey('in-flight'))?.status_code === null, { what: 'the first request to claim the key' });
      const duplicate = await register(body, 'in-flight');
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    expect((await first).status).toBe(201);
    expect((await register(body, 'in-flight')).status).toBe(201);
  });

  it('creates exactly one object when the same request is sent many times at once', async () => {
    const users = await userCount();
    const body = resident();
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => register(body, 'burst')))).map((r) => r.status);
    expect(statuses).toContain(201);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(await userCount()).toBe(users + 1);
  });

  it('frees the key when the handler fails, so the client can retry with a corrected body', async () => {
    const taken = resident();
    expect((await register(taken)).status).toBe(201);
    const conflict = await register(taken, 'retry-after-error');
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('EMAIL_TAKEN');
    expect(await storedKey('retry-after-error')).toBeUndefined();

    const invalid = await register({ email: 'not-an-email' }, 'retry-after-error');
    expect(invalid.status).toBe(400);
    expect(await storedKey('retry-after-error')).toBeUndefined();

    expect((await register(resident(), 'retry-after-error')).status).toBe(201);
  });

  it('keeps the keys of different users apart', async () => {
    const second = await createStaff({ ...staff(), role: 'admin' }, 'make-second-admin');
    const secondToken = ctx.api.app.get(TokenService).issue(second.body);
    const users = await userCount();
    const mine = await createStaff(staff(), 'shared-key');
    const theirs = await createStaff(staff(), 'shared-key', secondToken);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await userCount()).toBe(users + 2);
  });

  it('treats a key as absent once it has expired', async () => {
    expect((await register(resident(), 'expiring')).status).toBe(201);
    const clock = ctx.api.app.get(Clock);
    const ttlMs = ctx.api.app.get(AppConfig).idempotency.ttlSeconds * 1000;
    await clock.setNow(new Date(Date.now() + ttlMs + 60_000));
    try {
      const later = await register(resident(), 'expiring');
      expect(later.status).toBe(201);
    } finally {
      await clock.setNow(new Date());
    }
  });

  it('answers 400 IDEMPOTENCY_KEY_INVALID for an empty key or one longer than 255 characters', async () => {
    for (const key of ['', 'k'.repeat(256)]) {
      const response = await register(resident(), key);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    expect((await register(resident(), 'k'.repeat(255))).status).toBe(201);
  });

  it('stores nothing without the header, and ignores the header on routes not marked @Idempotent()', async () => {
    const before = await ctx.dataSource.query('SELECT count(*) FROM idempotency_key');
    expect((await register(resident())).status).toBe(201);
    const login = await ctx.api.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.org', password: PASSWORD },
      headers: { 'idempotency-key': '' },
    });
    expect(login.status).toBe(401);
    expect(await ctx.dataSource.query('SELECT count(*) FROM idempotency_key')).toEqual(before);
  });
});
