import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type TestUser } from '../support/cameras-fixtures.js';
import { askEveryone as askEveryoneOf, inboxOf as inboxRows, seedOwners } from '../support/bulk-owners.js';
import { consentWorld } from '../support/consent-fixtures.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';
import { startWorkerProcess, type WorkerProcess } from '../support/app-process.js';

const OWNERS = 5000;

// Worker processes start, die and recover here: minutes, not seconds, at worst.
jest.setTimeout(180_000);

describe('a worker stopped in the middle of a fan-out loses and duplicates nothing', () => {
  const ctx = useTestContext();
  let officer: TestUser;
  const workers: WorkerProcess[] = [];

  const askEveryone = (caseNumber: string) => askEveryoneOf(ctx, officer, caseNumber, OWNERS);
  const inboxOf = (requestId: string) => inboxRows(ctx, requestId);

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
    await seedOwners(ctx, OWNERS, 'crash');
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
  });

  it('SIGKILL during the batches, a new worker finishes: every recipient has exactly one inbox row', async () => {
    // Small sequential batches make the fan-out last long enough to be cut in the middle.
    const env = { NOTIFICATION_BATCH_SIZE: '100', NOTIFICATION_CONCURRENCY: '1', OUTBOX_POLL_MS: '50' };
    workers.push(await startWorkerProcess(ctx, env));
    const requestId = await askEveryone('CRASH-1');
    const inbox = () => inboxOf(requestId);

    await waitFor(async () => (await inbox()).rows >= 200, { timeoutMs: 60_000, intervalMs: 10, what: 'the fan-out to start' });
    await workers[0]!.kill('SIGKILL');
    const atKill = (await inbox()).rows;
    expect(atKill).toBeLessThan(OWNERS);

    workers.push(await startWorkerProcess(ctx, env));
    // A batch the dead worker held is taken again once its lock lapses (BullMQ's stalled-job check).
    await waitFor(async () => (await inbox()).rows === OWNERS, { timeoutMs: 150_000, intervalMs: 250, what: 'every recipient’s row' });
    expect(await inbox()).toEqual({ rows: OWNERS, users: OWNERS });
    const [{ missing }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS missing FROM request_recipient rr
       WHERE rr.request_id = $1::uuid AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.user_id = rr.owner_id AND n.data->>'requestId' = $1::text)`,
      [requestId],
    );
    expect(missing).toBe(0);
    await workers[1]!.kill('SIGTERM');
  });

  it('SIGTERM in the middle: the worker shuts itself down, and the next one completes the fan-out exactly once', async () => {
    const env = { NOTIFICATION_BATCH_SIZE: '100', NOTIFICATION_CONCURRENCY: '1', OUTBOX_POLL_MS: '50' };
    const worker = await startWorkerProcess(ctx, env);
    workers.push(worker);
    const requestId = await askEveryone('CRASH-2');
    await waitFor(async () => (await inboxOf(requestId)).rows >= 200, { timeoutMs: 60_000, intervalMs: 10, what: 'the fan-out to start' });
    // Resolves when the process has exited: its shutdown hooks closed the workers (letting the
    // running batch finish) and the connections, instead of hanging on them.
    await worker.kill('SIGTERM');
    expect((await inboxOf(requestId)).rows).toBeLessThan(OWNERS);

    workers.push(await startWorkerProcess(ctx, env));
    // A batch BullMQ had already handed to the stopping worker comes back after its lock lapses.
    await waitFor(async () => (await inboxOf(requestId)).rows === OWNERS, { timeoutMs: 150_000, intervalMs: 250, what: 'every recipient’s row' });
    expect(await inboxOf(requestId)).toEqual({ rows: OWNERS, users: OWNERS });
  });
});
