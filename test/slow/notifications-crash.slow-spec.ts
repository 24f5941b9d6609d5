import { cellOf } from '@app/geo';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld } from '../support/consent-fixtures.js';
import { HOUR, north } from '../support/requests-fixtures.js';
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

  /** 5,000 owners, each with a camera within 250 m of CENTER and a clip in the window, by SQL. */
  async function seedOwners(): Promise<void> {
    const cameras = Array.from({ length: OWNERS }, (_, i) => {
      const location = north(CENTER, (i % 500) - 250);
      return { lat: location.lat, lng: location.lng + ((Math.floor(i / 500) - 5) * 0.0002), cell: '' };
    }).map((camera) => ({ ...camera, cell: cellOf(camera) }));
    await ctx.dataSource.query(
      `WITH owners AS (
         INSERT INTO app_user (email, display_name, role, password_hash)
         SELECT 'crash-' || n || '@example.org', 'Neighbor ' || n, 'resident', 'not-a-hash' FROM generate_series(1, $1::int) AS n
         RETURNING id, split_part(split_part(email, '-', 2), '@', 1)::int AS n
       ),
       cameras AS (
         INSERT INTO camera (owner_id, label, location, h3_r9, created_at)
         SELECT owners.id, 'Porch', ST_SetSRID(ST_MakePoint(($2::float8[])[owners.n], ($3::float8[])[owners.n]), 4326)::geography,
                ($4::text[])[owners.n], $5
         FROM owners
         RETURNING id
       )
       INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at)
       SELECT id, $5::timestamptz - interval '90 minutes', $5::timestamptz - interval '80 minutes', 'motion', $5 FROM cameras`,
      [OWNERS, cameras.map((c) => c.lng), cameras.map((c) => c.lat), cameras.map((c) => c.cell), CONSENT_NOW],
    );
  }

  /** A request reaching all 5,000 owners; its id. */
  async function askEveryone(caseNumber: string): Promise<string> {
    const response = await ctx.api.request('POST', '/api/portal/requests', {
      token: officer.token,
      body: {
        caseNumber,
        incidentType: 'burglary',
        description: 'Break-in on the block',
        window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() },
        area: { center: CENTER, radiusMeters: 400 },
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.counts.notified).toBe(OWNERS);
    return response.body.id;
  }

  async function inboxOf(requestId: string): Promise<{ rows: number; users: number }> {
    const [row] = await ctx.dataSource.query(
      `SELECT count(*)::int AS rows, count(DISTINCT user_id)::int AS users FROM notification WHERE data->>'requestId' = $1`,
      [requestId],
    );
    return row;
  }

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
    await seedOwners();
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
