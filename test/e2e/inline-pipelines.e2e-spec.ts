import { Clock, DueTaskRunner } from '@app/clock';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { OUTBOX_QUEUE } from '@app/outbox';
import { resolvePolicy } from '@app/policy';
import { Pipelines } from '@app/queue';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { adminToken, type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest } from '../support/consent-fixtures.js';
import { usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const DAY_MS = 86_400_000;

/**
 * PIPELINES=inline, as the simulator runs the worker: nothing goes through a queue and nothing
 * polls; the process drains when it chooses, and ticks its own clock.
 */
describe('inline pipelines', () => {
  const ctx = useTestContext({ worker: true, env: { PIPELINES: 'inline', OUTBOX_POLL_MS: '20' } });
  let officer: TestUser;
  const drain = () => ctx.worker.get(Pipelines).drain();
  const unsent = async (): Promise<number> => (await ctx.dataSource.query('SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL'))[0].n;
  const notices = async (user: TestUser, requestId: string): Promise<string[]> =>
    (await ctx.dataSource.query(`SELECT type FROM notification WHERE user_id = $1 AND data->>'requestId' = $2 ORDER BY created_at`, [user.id, requestId])).map(
      (row: { type: string }) => row.type,
    );
  const jobsEver = async (name: string): Promise<number> => {
    const counts = await ctx.worker.get<Queue>(getQueueToken(name)).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  };

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
  });

  it('delivers nothing until the process drains, then each event to its handlers once, through no queue', async () => {
    const ann = await newNeighbor(ctx, 1);
    const requestId = await newRequest(ctx, officer);
    // A running relay would have taken the event several times over by now (it polls every 20 ms here).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await unsent()).toBeGreaterThan(0);
    expect(await notices(ann, requestId)).toEqual([]);

    await drain();
    expect(await unsent()).toBe(0);
    expect(await notices(ann, requestId)).toEqual(['request.created']);
    expect(await jobsEver(OUTBOX_QUEUE)).toBe(0);
    expect(await jobsEver(NOTIFICATIONS_QUEUE)).toBe(0);

    await drain();
    expect(await notices(ann, requestId)).toEqual(['request.created']);
  });

  it('runs the due tasks when the process ticks its own clock, and their consequences when it drains', async () => {
    const bob = await newNeighbor(ctx, 1, 60);
    const requestId = await newRequest(ctx, officer);
    await drain();
    const clock = ctx.worker.get(Clock);
    await clock.freezeAt(new Date((await clock.now()).getTime() + 60 * DAY_MS));

    const tick = await ctx.worker.get(DueTaskRunner).tick();
    expect(tick.ran).toContain('requests.expiry');
    const [{ status }] = await ctx.dataSource.query('SELECT status FROM footage_request WHERE id = $1', [requestId]);
    expect(status).toBe('expired');
    expect(await notices(bob, requestId)).toEqual(['request.created']);
    await drain();
    expect(await notices(bob, requestId)).toEqual(['request.created', 'request.expired']);
  });

  // Last: it resets the sandbox.
  it('keeps the active policy in memory, and reads it again after each change and after a reset', async () => {
    const admin = await adminToken(ctx);
    const expiry = async (): Promise<number> => (await ctx.api.request('GET', '/api/policy')).body.requestExpirySeconds;
    await usePolicy(ctx, admin, { requestExpirySeconds: 2 * 86_400 });
    expect(await expiry()).toBe(2 * 86_400);
    // Written behind the product's back, which no other process may do with inline pipelines: the product keeps what it read.
    await ctx.dataSource.query(`UPDATE policy_setting SET overrides = overrides || '{"requestExpirySeconds": 259200}'`);
    expect(await expiry()).toBe(2 * 86_400);

    await usePolicy(ctx, admin, { requestExpirySeconds: 4 * 86_400 });
    expect(await expiry()).toBe(4 * 86_400);
    expect((await ctx.api.request('PUT', '/api/policy', { token: admin, body: { requestExpirySeconds: -1 } })).status).toBe(400);
    expect(await expiry()).toBe(4 * 86_400);

    expect((await ctx.api.request('POST', '/api/sandbox/reset', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY } })).status).toBe(200);
    expect(await expiry()).toBe(resolvePolicy(ctx.config.policy.defaultProfile, {}).requestExpirySeconds);
  });
});
