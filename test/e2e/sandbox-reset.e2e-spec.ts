import { randomUUID } from 'node:crypto';
import { CLOCK_QUEUE, ClockJob, DueTaskRegistry } from '@app/clock';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { OUTBOX_QUEUE } from '@app/outbox';
import { DEPLOYMENT_QUEUES } from '@app/queue';
import { World } from '@app/world';
import { describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import pg from 'pg';
import { agencyIdOf, consentWorld, newNeighbor, newRequest, respond } from '../support/consent-fixtures.js';
import { connect } from '../support/realtime-client.js';
import { consoleFile } from '../support/openapi-validator.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

const key = { 'x-sandbox-key': TEST_SANDBOX_KEY };
/** Tables that are schema or bookkeeping of the sandbox itself, never its data. */
const KEPT = ['migration', 'spatial_ref_sys', 'sandbox_world'];

describe('a sandbox reset is a clean cut between two worlds', () => {
  const ctx = useTestContext({ worker: true, env: { OUTBOX_POLL_MS: '20' } });

  const reset = async (): Promise<string> => {
    const response = await ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
    expect(response.status).toBe(200);
    return response.body.adminToken;
  };
  const rowCounts = async (): Promise<Record<string, number>> => {
    const tables: { tablename: string }[] = await ctx.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY tablename`,
      [KEPT],
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      counts[tablename] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM "${tablename}"`))[0].n;
    }
    return counts;
  };
  const queue = (name: string) => ctx.worker.get<Queue>(getQueueToken(name), { strict: false });
  /** The job's return value once it has completed (polled: a QueueEvents started now could miss its event). */
  const finished = async (name: string, job: Job): Promise<unknown> => {
    await waitFor(async () => (await job.getState()) === 'completed', { what: `${name} job ${job.id} to complete` });
    return (await queue(name).getJob(job.id!))!.returnvalue;
  };

  it('answers only once every table is empty but for the new admin and event 1 of the audit chain, the clock is real time and the dead letters are gone', async () => {
    const { officer } = await consentWorld(ctx);
    const owner = await newNeighbor(ctx, 1);
    const requestId = await newRequest(ctx, officer);
    expect((await respond(ctx, owner, requestId, { decision: 'share' })).status).toBe(201);
    // A dead letter: a job that fails on its only attempt (its event id is no uuid).
    const world = await ctx.api.app.get(World).generation();
    const doomed = await queue(OUTBOX_QUEUE).add('request.created', { eventId: 'not-a-uuid', type: 'request.created', payload: {}, world }, { attempts: 1 });
    await waitFor(async () => (await doomed.getState()) === 'failed', { what: 'the dead letter' });

    await reset();

    const counts = await rowCounts();
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([
      ['app_user', 1],
      ['audit_event', 1],
    ]);
    const [admin] = await ctx.dataSource.query('SELECT id, role FROM app_user');
    expect(admin.role).toBe('admin');
    const [event] = await ctx.dataSource.query('SELECT seq, action, data FROM audit_event');
    expect(event).toMatchObject({ seq: '1', action: 'sandbox.reset', data: { admin: `user:${admin.id}`, generation: world + 1 } });
    expect((await ctx.api.request('GET', '/api/sandbox/clock', { headers: key })).body.offsetSeconds).toBe(0);
    for (const deployed of ctx.api.app.get<Queue[]>(DEPLOYMENT_QUEUES, { strict: false })) {
      expect([deployed.name, await deployed.getFailedCount()]).toEqual([deployed.name, 0]);
    }
  });

  it('ends the old sessions: sockets are closed, and old tokens answer 401 on every route that takes a token', async () => {
    const oldAdmin = await reset();
    const { officer } = await consentWorld(ctx);
    const owner = await newNeighbor(ctx, 1);
    const sockets = [await connect(ctx, owner.token), await connect(ctx, officer.token)];
    const closed = sockets.map((client) => new Promise<string>((resolve) => client.socket.once('disconnect', resolve)));

    await reset();

    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    await expect(connect(ctx, owner.token)).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    let guarded = 0;
    for (const route of ctx.api.routes) {
      const [method, path] = route.split(' ') as [string, string];
      // The sandbox's own routes take its key; the document and the console's files take nothing.
      if (path.startsWith('/api/sandbox') || path.startsWith('/docs') || consoleFile(path)) continue;
      const url = path.replace(/:[A-Za-z]+/g, randomUUID()).replace('*', 'x');
      if ((await ctx.api.request(method, url, { body: method === 'GET' ? undefined : {} })).status !== 401) continue;
      guarded++;
      for (const token of [owner.token, officer.token, oldAdmin]) {
        const response = await ctx.api.request(method, url, { token, body: method === 'GET' ? undefined : {} });
        expect([route, response.status]).toEqual([route, 401]);
      }
    }
    expect(guarded).toBeGreaterThan(25);
  });

  it('lets a job of the old world that arrives after the reset write nothing and push nothing', async () => {
    const oldWorld = await ctx.api.app.get(World).generation();
    await reset();
    const { officer } = await consentWorld(ctx);
    const owner = await newNeighbor(ctx, 1);
    const socket = await connect(ctx, owner.token);
    const requestId = await newRequest(ctx, officer);
    const agencyId = await agencyIdOf(ctx, officer);
    await waitFor(() => socket.of('notification').length === 1, { what: 'the request’s own push' });
    const world = await ctx.api.app.get(World).generation();
    const rowsOfEvent = async (eventId: string) =>
      (await ctx.dataSource.query('SELECT count(*)::int AS n FROM notification WHERE event_id = $1', [eventId]))[0].n;

    // The same fan-out batch stamped with each world: only the current one's may write.
    const batch = (eventId: string, stamp: number) => ({ eventId, type: 'request.created', requestId, agencyId, after: null, upTo: null, title: `batch ${eventId}`, body: '', world: stamp });
    const [stale, current] = [randomUUID(), randomUUID()];
    await finished(NOTIFICATIONS_QUEUE, await queue(NOTIFICATIONS_QUEUE).add('fan-out', batch(stale, oldWorld)));
    await finished(NOTIFICATIONS_QUEUE, await queue(NOTIFICATIONS_QUEUE).add('fan-out', batch(current, world)));
    expect([await rowsOfEvent(stale), await rowsOfEvent(current)]).toEqual([0, 1]);

    // An outbox event of the old world: its handlers never run (no processed mark, no fan-out).
    const outboxJob = (eventId: string, stamp: number) => ({ eventId, type: 'request.created', payload: { requestId, agencyId }, world: stamp });
    const [staleEvent, currentEvent] = [randomUUID(), randomUUID()];
    await finished(OUTBOX_QUEUE, await queue(OUTBOX_QUEUE).add('request.created', outboxJob(staleEvent, oldWorld)));
    await finished(OUTBOX_QUEUE, await queue(OUTBOX_QUEUE).add('request.created', outboxJob(currentEvent, world)));
    const processed = (eventId: string) => ctx.dataSource.query('SELECT handler FROM processed_event WHERE event_id = $1', [eventId]);
    expect(await processed(staleEvent)).toEqual([]);
    expect(await processed(currentEvent)).toEqual([{ handler: 'notifications.plan' }]);
    await waitFor(async () => (await rowsOfEvent(currentEvent)) === 1, { what: 'the current event’s fan-out' });

    // A clock settle of the old world runs no due task (and returns nothing, which BullMQ keeps as null).
    const ranAt: Date[] = [];
    ctx.worker.get(DueTaskRegistry).register({ name: 'test.records-runs', runDue: async (now) => void ranAt.push(now) });
    expect(await finished(CLOCK_QUEUE, await queue(CLOCK_QUEUE).add(ClockJob.Settle, { world: oldWorld }))).toBeNull();
    expect(ranAt).toEqual([]);
    expect(await finished(CLOCK_QUEUE, await queue(CLOCK_QUEUE).add(ClockJob.Settle, { world }))).toMatchObject({ ran: expect.arrayContaining(['test.records-runs']) });

    expect(await rowsOfEvent(stale)).toBe(0);
    expect(await rowsOfEvent(staleEvent)).toBe(0);
    expect(socket.of('notification').map((pushed) => pushed.title)).not.toContain(`batch ${stale}`);
    socket.close();
  });

  it('waits for an api transaction holding a table, without ever being the one it deadlocks with', async () => {
    await reset();
    const other = new pg.Client({ connectionString: ctx.config.database.url });
    await other.connect();
    try {
      // An api-like transaction holds a table that the reset locks late in its list…
      await other.query('BEGIN');
      await other.query('LOCK TABLE recording IN ROW EXCLUSIVE MODE');
      const resetting = ctx.api.request('POST', '/api/sandbox/reset', { headers: key });
      await waitFor(
        async () =>
          (
            await ctx.dataSource.query(
              `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
               WHERE c.relname = 'recording' AND NOT l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            )
          ).length > 0,
        { what: 'the reset to wait for the table' },
      );
      // …and now reads a table the reset already holds: each waits for the other.
      await other.query('SELECT count(*) FROM agency');
      await other.query('COMMIT');
      expect((await resetting).status).toBe(200);
    } finally {
      await other.end();
    }
    expect(await rowCounts()).toMatchObject({ app_user: 1, audit_event: 1, recording: 0 });
  });
});
