import { TokenService } from '@app/identity';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { bullConnection } from '@app/queue';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Queue } from 'bullmq';
import { askEveryone, inboxOf, seedOwners } from '../support/bulk-owners.js';
import { type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld } from '../support/consent-fixtures.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { connectTo, type RealtimeClient } from '../support/realtime-client.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

jest.setTimeout(240_000);

const OWNERS = 600;
/** Owners with a socket open on api B. */
const LISTENERS = 40;
const DAY_S = 86_400;

/**
 * Porchlight as a deployment that outgrew one machine runs it: two api and two worker processes
 * (the real entry points) on one PostgreSQL and one Redis. Sockets on one api hear what happens on
 * the other, both workers take fan-out batches, and nothing is done twice or lost, even when one
 * worker is killed mid-fan-out.
 */
describe('two api and two worker processes on the same PostgreSQL and Redis', () => {
  // Small batches, one at a time per worker: the fan-outs are many jobs that both workers share.
  const env = { NOTIFICATION_BATCH_SIZE: '20', NOTIFICATION_CONCURRENCY: '1', OUTBOX_POLL_MS: '50' };
  const ctx = useTestContext({ env });
  let officer: TestUser;
  let ownerIds: string[];
  const apis: AppProcess[] = [];
  const workers: AppProcess[] = [];
  const sockets: RealtimeClient[] = [];

  const post = (api: AppProcess, path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (response) => ({
      status: response.status,
      body: await response.json(),
    }));

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
    await seedOwners(ctx, OWNERS, 'multi');
    ownerIds = (await ctx.dataSource.query(`SELECT id FROM app_user WHERE email LIKE 'multi-%' ORDER BY email`)).map((row: { id: string }) => row.id);
    const started = await Promise.all([
      startAppProcess('api', ctx.config, env),
      startAppProcess('api', ctx.config, env),
      startAppProcess('worker', ctx.config, env),
      startAppProcess('worker', ctx.config, env),
    ]);
    apis.push(started[0]!, started[1]!);
    workers.push(started[2]!, started[3]!);
    const tokens = ctx.api.app.get(TokenService);
    for (const id of ownerIds.slice(0, LISTENERS)) sockets.push(await connectTo(apis[1]!.url, tokens.issue({ id, role: 'resident' })));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([...apis, ...workers].map((process) => process.stop()));
  });

  it('a request made through api A reaches the owners’ sockets on api B exactly once, each owner’s inbox once, from batches both workers took', async () => {
    const requestId = await askEveryone(ctx, officer, 'MULTI-1', OWNERS, (body) => post(apis[0]!, '/api/portal/requests', body, { authorization: `Bearer ${officer.token}` }));
    await waitFor(async () => (await inboxOf(ctx, requestId)).rows === OWNERS, { timeoutMs: 90_000, intervalMs: 100, what: 'every inbox row' });
    await waitFor(() => sockets.every((socket) => socket.of('notification').length >= 1), { timeoutMs: 30_000, what: 'every socket on api B to hear of it' });
    // Time for a second push, had any batch run twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await inboxOf(ctx, requestId)).toEqual({ rows: OWNERS, users: OWNERS });
    for (const socket of sockets) expect(socket.of('notification').map((push) => push.data.requestId)).toEqual([requestId]);
    // Both workers took batches: BullMQ keeps the name (host:pid) of the worker that ran each job.
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: bullConnection(ctx.config.redis.url), prefix: ctx.config.redis.queuePrefix });
    try {
      const ranBy = new Set((await queue.getCompleted(0, 10_000)).map((job) => job.processedBy));
      const pids = [...ranBy].map((name) => Number(String(name).split(':').at(-1)));
      expect(pids.sort()).toEqual(workers.map((worker) => worker.child.pid).sort());
    } finally {
      await queue.close();
    }
  });

  it('a clock move through one api settles once: each request expires once, whichever worker ran the due tasks', async () => {
    const moved = await post(apis[0]!, '/api/sandbox/clock', { advanceSeconds: 8 * DAY_S }, { 'x-sandbox-key': TEST_SANDBOX_KEY });
    expect(moved).toMatchObject({ status: 200, body: { status: 'ready' } });
    const expired = await ctx.dataSource.query(
      `SELECT subject, count(*)::int AS n FROM audit_event WHERE action = 'request.expired' GROUP BY subject ORDER BY subject`,
    );
    const requests = await ctx.dataSource.query(`SELECT id FROM footage_request ORDER BY id`);
    expect(expired).toEqual(requests.map((request: { id: string }) => ({ subject: `request:${request.id}`, n: 1 })));
  });
  it('one worker SIGKILLed holding a fan-out batch: the other takes the batch over, nothing lost, nothing doubled', async () => {
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: bullConnection(ctx.config.redis.url), prefix: ctx.config.redis.queuePrefix });
    try {
      const [doomed, survivor] = workers as [AppProcess, AppProcess];
      const heldBy = (pid: number | undefined) => async () => (await queue.getActive()).some((job) => job.processedBy?.endsWith(`:${pid}`));
      const requestId = await askEveryone(ctx, officer, 'MULTI-2', OWNERS, (body) => post(apis[1]!, '/api/portal/requests', body, { authorization: `Bearer ${officer.token}` }));
      await waitFor(heldBy(doomed.child.pid), { timeoutMs: 60_000, intervalMs: 5, what: 'the doomed worker to hold a batch' });
      await doomed.kill('SIGKILL');
      // Its batch stays locked until the lock lapses; BullMQ's stalled-job check then gives it to the survivor.
      await waitFor(async () => (await queue.getActiveCount()) + (await queue.getWaitingCount()) + (await queue.getDelayedCount()) === 0, {
        timeoutMs: 150_000,
        intervalMs: 250,
        what: 'every batch to be done, the dead worker’s too',
      });
      expect(await inboxOf(ctx, requestId)).toEqual({ rows: OWNERS, users: OWNERS });
      expect(await queue.getFailedCount()).toBe(0);
      const stalledAndRerun = (await queue.getCompleted(0, 10_000)).filter((job) => job.processedBy?.endsWith(`:${survivor.child.pid}`) && job.stalledCounter > 0);
      expect(stalledAndRerun.length).toBeGreaterThan(0);
    } finally {
      await queue.close();
    }
  });
});
