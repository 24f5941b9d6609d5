import { cellOf } from '@app/geo';
import { TokenService } from '@app/identity';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CENTER } from '../support/consent-fixtures.js';
import { connect, type RealtimeClient } from '../support/realtime-client.js';
import { sniffRealtime, type RealtimeSniffer } from '../support/realtime-sniffer.js';
import { HOUR, MINUTE, north } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';
import { startWorkerProcess, type WorkerProcess } from '../support/app-process.js';

const RESETS = 100;
const OWNERS = 1000;
/** Owners who answer the request while the reset comes; they are among the OWNERS. */
const ANSWERERS = 3;
const key = { 'x-sandbox-key': TEST_SANDBOX_KEY };
const KEPT = ['migration', 'spatial_ref_sys', 'sandbox_world'];

// A hundred worlds built, asked, answered and reset: a minute or two.
jest.setTimeout(15 * 60_000);

interface SeededWorld {
  officerToken: string;
  answerers: { id: string; token: string }[];
  /** Every socket room of this world: its users' and its agency's. */
  rooms: Set<string>;
}

describe('a hundred resets, each in the middle of a fan-out, consent answers and a clock settle', () => {
  // Small batches and a separate worker process, as deployed: the fan-out is many jobs in flight.
  const workerEnv = { NOTIFICATION_BATCH_SIZE: '50', NOTIFICATION_CONCURRENCY: '4', OUTBOX_POLL_MS: '20' };
  const ctx = useTestContext({ env: workerEnv });
  let worker: WorkerProcess;
  let sniffer: RealtimeSniffer;
  const sockets: RealtimeClient[] = [];
  const statuses: { what: string; status: number }[] = [];

  const call = async (what: string, method: string, url: string, options: Parameters<typeof ctx.api.request>[2] = {}) => {
    const response = await ctx.api.request(method, url, options);
    statuses.push({ what, status: response.status });
    return response;
  };
  const rowCounts = async (): Promise<[string, number][]> => {
    const tables: { tablename: string }[] = await ctx.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY tablename`,
      [KEPT],
    );
    const counts: [string, number][] = [];
    for (const { tablename } of tables) {
      const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM "${tablename}"`);
      if (n > 0) counts.push([tablename, n]);
    }
    return counts;
  };

  /** An agency with an officer, and OWNERS residents with a camera near CENTER and a clip from 90 minutes ago, by SQL. */
  async function seedWorld(world: number): Promise<SeededWorld> {
    const tokens = ctx.api.app.get(TokenService);
    const [agency] = await ctx.dataSource.query(
      `INSERT INTO agency (name, kind, city, state, zip, jurisdiction, partner_since)
       VALUES ('Soak Police Department', 'police', 'Testville', 'NY', '10001',
               ST_GeogFromText('MULTIPOLYGON(((-74.1 40.6, -73.9 40.6, -73.9 40.8, -74.1 40.8, -74.1 40.6)))'), '2019-08-01')
       RETURNING id`,
    );
    const [officer] = await ctx.dataSource.query(
      `INSERT INTO app_user (email, display_name, role, agency_id, password_hash) VALUES ($1, 'Officer', 'officer', $2, 'not-a-hash') RETURNING id`,
      [`officer-${world}@soak.example.org`, agency.id],
    );
    const places = Array.from({ length: OWNERS }, (_, i) => {
      const place = north(CENTER, (i % 500) - 250);
      return { lat: place.lat, lng: place.lng + (Math.floor(i / 500) - 1) * 0.0005 };
    });
    const clipStart = new Date(Date.now() - 90 * MINUTE);
    const owners: { id: string }[] = await ctx.dataSource.query(
      `WITH owners AS (
         INSERT INTO app_user (email, display_name, role, password_hash)
         SELECT 'owner-' || $6::int || '-' || n || '@soak.example.org', 'Neighbor ' || n, 'resident', 'not-a-hash' FROM generate_series(1, $1::int) AS n
         RETURNING id, split_part(split_part(email, '-', 3), '@', 1)::int AS n
       ),
       cameras AS (
         INSERT INTO camera (owner_id, label, location, h3_r9, created_at)
         SELECT owners.id, 'Porch', ST_SetSRID(ST_MakePoint(($2::float8[])[owners.n], ($3::float8[])[owners.n]), 4326)::geography, ($4::text[])[owners.n], $5
         FROM owners RETURNING id
       ),
       clips AS (
         INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at)
         SELECT id, $5, $5::timestamptz + interval '10 minutes', 'motion', $5 FROM cameras
       )
       SELECT id FROM owners ORDER BY n`,
      [OWNERS, places.map((p) => p.lng), places.map((p) => p.lat), places.map((place) => cellOf(place)), clipStart, world],
    );
    return {
      officerToken: tokens.issue({ id: officer.id, role: 'officer' }),
      answerers: owners.slice(0, ANSWERERS).map(({ id }) => ({ id, token: tokens.issue({ id, role: 'resident' }) })),
      rooms: new Set([`agency:${agency.id}`, `user:${officer.id}`, ...owners.map(({ id }) => `user:${id}`)]),
    };
  }

  beforeAll(async () => {
    worker = await startWorkerProcess(ctx, workerEnv);
    sniffer = await sniffRealtime(ctx.config.redis.url, ctx.config.redis.queuePrefix);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await sniffer?.close();
    await worker?.kill('SIGTERM');
  });

  it('never answers 5xx, empties every table each time, and lets no old world write or push into the next', async () => {
    const ended: { rooms: Set<string>; mark: number; pushedBefore: number }[] = [];
    const nonEmptyAfterReset: [number, [string, number][]][] = [];
    const stillConnected: number[] = [];
    let adminToken = '';

    for (let world = 1; world <= RESETS; world++) {
      const seeded = await seedWorld(world);
      const answerer = seeded.answerers[0]!;
      const worldSockets = [await connect(ctx, answerer.token), await connect(ctx, seeded.officerToken)];
      sockets.push(...worldSockets);
      const closed = Promise.all(worldSockets.map((client) => new Promise((resolve) => client.socket.once('disconnect', resolve))));
      const pushesTo = () => sniffer.pushes.filter((push) => push.rooms.some((room) => seeded.rooms.has(room))).length;

      const created = await call('request', 'POST', '/api/portal/requests', {
        token: seeded.officerToken,
        body: {
          caseNumber: `SOAK-${world}`,
          incidentType: 'burglary',
          description: 'Break-in on the block',
          window: { start: new Date(Date.now() - 2 * HOUR).toISOString(), end: new Date().toISOString() },
          area: { center: CENTER, radiusMeters: 400 },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.counts.notified).toBe(OWNERS);
      // The fan-out is under way once its first push is out.
      await waitFor(() => pushesTo() > 0, { what: `world ${world}'s fan-out to start` });

      const answers = seeded.answerers.map((owner, i) =>
        call('answer', 'POST', `/api/me/requests/${created.body.id}/response`, {
          token: owner.token,
          body: { decision: i === 1 ? 'decline' : 'share' },
        }),
      );
      const advancing = call('clock', 'POST', '/api/sandbox/clock', { headers: key, body: { advanceSeconds: 60 } });
      // The move has committed and its settle job is running or queued in the worker.
      await waitFor(async () => (await ctx.api.request('GET', '/api/sandbox/clock', { headers: key })).body.offsetSeconds > 0, { what: 'the clock move' });

      const reset = await call('reset', 'POST', '/api/sandbox/reset', { headers: key });
      const counts = await rowCounts();
      const mark = await sniffer.mark();
      expect(reset.status).toBe(200);
      adminToken = reset.body.adminToken;
      if (JSON.stringify(counts) !== JSON.stringify([['app_user', 1], ['audit_event', 1]])) nonEmptyAfterReset.push([world, counts]);
      ended.push({ rooms: seeded.rooms, mark, pushedBefore: pushesTo() });

      await Promise.all([...answers, advancing]);
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (worldSockets.some((client) => client.socket.connected)) stillConnected.push(world);
    }

    // Five seconds for anything of an old world still on its way.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await sniffer.mark();

    expect(statuses.filter(({ status }) => status >= 500)).toEqual([]);
    expect(nonEmptyAfterReset).toEqual([]);
    expect(stillConnected).toEqual([]);
    const lateOnes = ended.flatMap(({ rooms, mark }, i) =>
      sniffer.pushes.filter((push) => push.afterMark >= mark && push.rooms.some((room) => rooms.has(room))).map((push) => ({ world: i + 1, ...push })),
    );
    expect(lateOnes).toEqual([]);
    expect(await rowCounts()).toEqual([['app_user', 1], ['audit_event', 1]]);
    const verify = await ctx.api.request('GET', '/api/audit/verify', { token: adminToken });
    expect(verify.body).toMatchObject({ ok: true, length: 1 });

    // The soak did what it says: resets landed while fan-outs were still going.
    const cutShort = ended.filter(({ pushedBefore }) => pushedBefore < OWNERS).length;
    process.stdout.write(`soak: ${cutShort} of ${RESETS} resets came before their fan-out had reached every owner\n`);
    expect(cutShort).toBeGreaterThan(0);
  });
});
