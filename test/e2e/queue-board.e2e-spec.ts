import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenService } from '@app/identity';
import { bullConnection } from '@app/queue';
import { Queue, Worker, type Job } from 'bullmq';
import { adminToken, newOfficer, newResident } from '../support/cameras-fixtures.js';
import type { HttpResponse } from '../support/test-app.js';
import { useTestContext, type TestContext } from '../support/test-context.js';

const BOARD = '/admin/queues';
const COOKIE = 'porchlight_queue_board';
// Nothing listens on this port on the machines we run on; it stands for "Redis is down".
const UNREACHABLE_REDIS = 'redis://127.0.0.1:6390';
const IOREDIS_DISCONNECT_TIMEOUT_MS = 2000;

const errorShape = (statusCode: number, code: string) => ({
  statusCode,
  error: expect.any(String),
  message: expect.any(String),
  code,
  requestId: expect.any(String),
});

function expectRefused(response: HttpResponse, statusCode: number, code: string): void {
  expect(response.status).toBe(statusCode);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual(errorShape(statusCode, code));
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
}

const withCookie = (value: string) => ({ headers: { cookie: `${COOKIE}=${value}` } });

/** A staff account written by SQL, so that the test can delete or demote it afterwards. */
async function newAdmin(ctx: TestContext): Promise<{ id: string; token: string }> {
  const [user] = await ctx.dataSource.query(
    `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Second Admin', 'admin', 'not-a-hash') RETURNING id`,
    [`admin-${Date.now()}-${Math.random()}@porchlight.example.org`],
  );
  return { id: user.id, token: ctx.api.app.get(TokenService).issue({ id: user.id, role: 'admin' }) };
}

/** A job on `queueName` that fails its only attempt, as a dead letter does, under this file's prefix. */
async function deadLetter(ctx: TestContext, queueName: string): Promise<Job> {
  const options = { connection: bullConnection(ctx.config.redis.url), prefix: ctx.config.redis.queuePrefix };
  const queue = new Queue(queueName, options);
  const worker = new Worker(queueName, async () => Promise.reject(new Error('handler failed')), options);
  try {
    const failed = new Promise<Job>((resolve) => worker.on('failed', (job) => job && resolve(job)));
    await queue.add('dead-letter', { eventId: 'e-1' }, { attempts: 1, removeOnFail: false });
    return await failed;
  } finally {
    await worker.close();
    await queue.close();
  }
}

describe('the queue board at /admin/queues admits admins only', () => {
  const ctx = useTestContext();
  let admin: string;

  beforeAll(async () => {
    admin = await adminToken(ctx);
  });

  it('refuses every path below the board without a token with 401 in the contract error shape', async () => {
    for (const path of [BOARD, `${BOARD}/queue/outbox`, `${BOARD}/api/queues`, `${BOARD}/static/images/logo.svg`, `${BOARD}/no-such-page`]) {
      expectRefused(await ctx.api.request('GET', path), 401, 'UNAUTHORIZED');
    }
    expectRefused(await ctx.api.request('PUT', `${BOARD}/api/queues/outbox/clean/failed`), 401, 'UNAUTHORIZED');
  });

  it('refuses a bad token with 401, whether sent as Bearer, as ?token= or as the cookie', async () => {
    expectRefused(await ctx.api.request('GET', BOARD, { token: 'not-a-jwt' }), 401, 'TOKEN_INVALID');
    const viaQuery = await ctx.api.request('GET', `${BOARD}?token=not-a-jwt`);
    expectRefused(viaQuery, 401, 'TOKEN_INVALID');
    expect(viaQuery.headers['set-cookie']).toBeUndefined();
    const viaCookie = await ctx.api.request('GET', BOARD, withCookie('not-a-jwt'));
    expectRefused(viaCookie, 401, 'TOKEN_INVALID');
    expect(String(viaCookie.headers['set-cookie'])).toMatch(new RegExp(`^${COOKIE}=; Path=${BOARD}; Max-Age=0`));
  });

  it('refuses a resident and an officer with 403, and sets no cookie for them', async () => {
    for (const user of [await newResident(ctx), await newOfficer(ctx)]) {
      expectRefused(await ctx.api.request('GET', BOARD, { token: user.token }), 403, 'FORBIDDEN');
      expectRefused(await ctx.api.request('GET', `${BOARD}/api/queues`, { token: user.token }), 403, 'FORBIDDEN');
      const viaQuery = await ctx.api.request('GET', `${BOARD}?token=${user.token}`);
      expectRefused(viaQuery, 403, 'FORBIDDEN');
      expect(viaQuery.headers['set-cookie']).toBeUndefined();
    }
  });

  it('serves the board page to an admin with a Bearer token', async () => {
    const page = await ctx.api.request('GET', BOARD, { token: admin });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(`<base href="${BOARD}/" />`);
    expect(page.body).toContain('Porchlight queues');
    // Everything it loads comes from this server: no fonts from Google, no other remote origin.
    expect(page.body).not.toMatch(/(href|src)="https?:/);
  });

  it('turns ?token= into an HttpOnly, SameSite=Strict cookie for the board only and reloads the URL without the token', async () => {
    const login = await ctx.api.request('GET', `${BOARD}/queue/outbox?status=failed&token=${admin}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe(`${BOARD}/queue/outbox?status=failed`);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=${admin.replace(/\./g, '\\.')}; `));
    expect(cookie).toContain(`Path=${BOARD};`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // The cookie dies no later than the token inside it.
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(ctx.config.auth.jwtTtlSeconds);
  });

  it('lets the cookie alone open the page, its assets and its JSON API', async () => {
    const page = await ctx.api.request('GET', `${BOARD}/queue/outbox`, withCookie(admin));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const asset = /href="(static\/css\/[^"]+)"/.exec(page.body)?.[1];
    expect((await ctx.api.request('GET', `${BOARD}/${asset}`, withCookie(admin))).status).toBe(200);
    expect((await ctx.api.request('GET', `${BOARD}/api/queues`, withCookie(admin))).status).toBe(200);
  });

  it("lists the outbox, notifications, clock and comparisons queues under this deployment's BullMQ prefix", async () => {
    const response = await ctx.api.request('GET', `${BOARD}/api/queues`, { token: admin });
    expect(response.status).toBe(200);
    const queues = response.body.queues as { name: string; description: string; readOnlyMode: boolean }[];
    expect(queues.map((queue) => queue.name).sort()).toEqual(['clock', 'comparisons', 'notifications', 'outbox']);
    for (const queue of queues) {
      expect(queue.description).toBe(`Redis keys ${ctx.config.redis.queuePrefix}:${queue.name}:*`);
      expect(queue.readOnlyMode).toBe(false);
    }
  });

  it('shows failed jobs as dead letters, and an admin retries one and cleans another from the board', async () => {
    const retried = await deadLetter(ctx, 'notifications');
    const cleaned = await deadLetter(ctx, 'notifications');
    const counts = async () =>
      (await ctx.api.request('GET', `${BOARD}/api/queues`, { token: admin })).body.queues.find(
        (queue: { name: string }) => queue.name === 'notifications',
      ).counts;
    expect(await counts()).toMatchObject({ failed: 2, waiting: 0 });

    const retry = await ctx.api.request('PUT', `${BOARD}/api/queues/notifications/${retried.id}/retry`, { token: admin });
    expect(retry.status).toBe(204);
    const clean = await ctx.api.request('PUT', `${BOARD}/api/queues/notifications/${cleaned.id}/clean`, { token: admin });
    expect(clean.status).toBe(204);
    expect(await counts()).toMatchObject({ failed: 0, waiting: 1 });
  });

  it('refuses the token and the cookie of an admin whose account was deleted, at once', async () => {
    const second = await newAdmin(ctx);
    expect((await ctx.api.request('GET', BOARD, { token: second.token })).status).toBe(200);
    await ctx.dataSource.query('DELETE FROM app_user WHERE id = $1', [second.id]);
    expectRefused(await ctx.api.request('GET', BOARD, { token: second.token }), 401, 'TOKEN_INVALID');
    expectRefused(await ctx.api.request('GET', `${BOARD}/api/queues`, withCookie(second.token)), 401, 'TOKEN_INVALID');
    expectRefused(await ctx.api.request('GET', `${BOARD}?token=${second.token}`), 401, 'TOKEN_INVALID');
  });

  it('refuses an admin demoted to moderator, although the token still says admin', async () => {
    const second = await newAdmin(ctx);
    await ctx.dataSource.query(`UPDATE app_user SET role = 'moderator' WHERE id = $1`, [second.id]);
    expectRefused(await ctx.api.request('GET', BOARD, { token: second.token }), 403, 'FORBIDDEN');
  });
});

describe('the queue board while Redis is down', () => {
  const ctx = useTestContext({ env: { REDIS_URL: UNREACHABLE_REDIS } });
  // Runs after the context's teardown: ioredis keeps a 2-second timer for every client it closes
  // after a refused connection (ioredis' disconnectTimeout); jest would otherwise report a leak.
  afterAll(() => new Promise((resolve) => setTimeout(resolve, IOREDIS_DISCONNECT_TIMEOUT_MS + 100)));

  it('lets the api start and answer; the board page loads and its JSON API says 503 at once', async () => {
    expect((await ctx.api.request('GET', '/health')).status).toBe(200);
    const admin = await adminToken(ctx);
    expect((await ctx.api.request('GET', BOARD, { token: admin })).status).toBe(200);
    const started = Date.now();
    expectRefused(await ctx.api.request('GET', `${BOARD}/api/queues`, { token: admin }), 503, 'QUEUES_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
