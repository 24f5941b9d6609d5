import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdentityModule, TokenService } from '@app/identity';
import pg from 'pg';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { freePort, startChild, stopChild, waitReady, type Child } from './fanout-processes.js';
import { ensureFanoutOfficer, ensureFanoutOwners, FANOUT_CENTER, FANOUT_OWNERS, FANOUT_RADIUS_METERS, resetFanoutRun } from './load-fanout.js';
import { writeResults } from './results-file.js';
import { compare, figures, round, timeMs } from './stats.js';

const RESULTS = 'bench/results/reset.json';
// Every reset empties it: a database of its own, so no other benchmark's data is lost.
const DATABASE = 'porchlight_bench_reset';
const IDLE_SAMPLES = 60;
const IDLE_WARMUP = 5;
const BUSY_SAMPLES = 12;
const TARGET_IDLE_P95_MS = 250;
const TARGET_BUSY_P95_MS = 2000;
/** Tables the reset keeps (schema and the world's generation), as libs/sandbox does. */
const KEPT = ['migration', 'spatial_ref_sys', 'sandbox_world'];

/**
 * `POST /api/sandbox/reset` as a test suite calls it, against the api and worker as child
 * processes, beside the raw `TRUNCATE … RESTART IDENTITY CASCADE` of the same tables with `pg`:
 * - idle: a small world (what one API test leaves behind) and a worker with nothing to do;
 * - busy: a 100,000-owner fan-out in full swing in the worker when the reset comes.
 * The raw anchor for both is the TRUNCATE on the idle world; while busy, a raw TRUNCATE is also
 * tried, to show what the reset's fence and lock handling are for.
 */
export async function run(): Promise<void> {
  const url = await benchDatabaseUrl(DATABASE);
  const db = new pg.Pool({ connectionString: url, max: 3 });
  const sandboxKey = `bench-${randomBytes(24).toString('hex')}`;
  const env = {
    NODE_ENV: 'production',
    SANDBOX_KEY: sandboxKey,
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    QUEUE_PREFIX: `bench-reset-${Date.now().toString(36)}`,
    DEFAULT_POLICY_PROFILE: 'ring-2019',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  const children: Child[] = [
    startChild('api', 'apps/api/src/main.ts', { ...env, PORT: String(apiPort), WORKER_HEALTH_PORT: String(workerPort) }, apiPort),
    startChild('worker', 'apps/worker/src/main.ts', { ...env, WORKER_HEALTH_PORT: String(workerPort) }, workerPort),
  ];
  const app = await benchApp(url, [IdentityModule]);
  try {
    await Promise.all(children.map((child) => waitReady(child)));
    const api = `http://127.0.0.1:${apiPort}/api`;
    const reset = async (): Promise<number> => {
      let status = 0;
      const ms = await timeMs(async () => {
        status = (await fetch(`${api}/sandbox/reset`, { method: 'POST', headers: { 'x-sandbox-key': sandboxKey } })).status;
      });
      if (status !== 200) throw new Error(`reset answered ${status}`);
      return ms;
    };
    const raw = () => rawTruncate(db);

    // Idle: the same small world before each sample, reset by the api or truncated raw, in turn.
    const idle = { service: [] as number[], raw: [] as number[] };
    for (let i = 0; i < IDLE_WARMUP + IDLE_SAMPLES; i++) {
      await seedSmallWorld(db);
      const service = await reset();
      await seedSmallWorld(db);
      const truncated = (await raw()).ms;
      if (i >= IDLE_WARMUP) {
        idle.service.push(service);
        idle.raw.push(truncated);
      }
    }
    process.stdout.write(`idle: ${JSON.stringify(compare(idle.service, idle.raw))}\n`);

    // Busy: 100,000 owners asked, the reset as soon as the worker is writing their inbox rows.
    const tokens = app.get(TokenService);
    const busy = { service: [] as number[], inboxRowsAtReset: [] as number[], raw: [] as number[], rawFailures: [] as string[] };
    for (let i = 0; i < BUSY_SAMPLES; i++) {
      for (const side of ['service', 'raw'] as const) {
        const inbox = await startFanOut(db, api, tokens);
        if (side === 'service') {
          busy.inboxRowsAtReset.push(inbox);
          busy.service.push(await reset());
        } else {
          const outcome = await raw();
          if (outcome.error) busy.rawFailures.push(outcome.error);
          else busy.raw.push(outcome.ms);
          // A raw TRUNCATE leaves the worker's jobs running on: let them drain before the next sample.
          await sleep(3000);
          await reset();
        }
      }
      process.stdout.write(`busy sample ${i + 1}/${BUSY_SAMPLES}: reset ${round(busy.service.at(-1)!)} ms at ${busy.inboxRowsAtReset.at(-1)} inbox rows\n`);
    }

    const idleFigures = compare(idle.service, idle.raw);
    const busyFigures = {
      serviceMs: figures(busy.service),
      ratioP50: round(figures(busy.service).p50 / figures(idle.raw).p50),
      ratioP95: round(figures(busy.service).p95 / figures(idle.raw).p95),
      inboxRowsAtReset: { min: Math.min(...busy.inboxRowsAtReset), max: Math.max(...busy.inboxRowsAtReset) },
      rawWhileBusy: { ms: busy.raw.length > 0 ? figures(busy.raw) : null, succeeded: busy.raw.length, failed: busy.rawFailures.length, errors: [...new Set(busy.rawFailures)] },
    };
    const result = {
      benchmark: 'reset',
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model },
      targets: { idleP95Ms: TARGET_IDLE_P95_MS, busyP95Ms: TARGET_BUSY_P95_MS },
      idle: {
        ...idleFigures,
        samples: IDLE_SAMPLES,
        service: 'POST /api/sandbox/reset over HTTP (api and worker as child processes, the worker idle)',
        raw: 'TRUNCATE of the same tables RESTART IDENTITY CASCADE with pg, same small world',
        met: idleFigures.serviceMs.p95 < TARGET_IDLE_P95_MS,
      },
      busy: {
        ...busyFigures,
        samples: BUSY_SAMPLES,
        owners: FANOUT_OWNERS,
        service: 'POST /api/sandbox/reset while the worker fans a request out to 100,000 owners',
        ratioAgainst: 'the idle raw TRUNCATE (rawMs of idle)',
        met: busyFigures.serviceMs.p95 < TARGET_BUSY_P95_MS,
      },
    };
    writeResults(RESULTS, result);
    process.stdout.write(`${JSON.stringify({ idle: result.idle, busy: result.busy }, null, 2)}\nwritten to ${RESULTS}\n`);
  } finally {
    await app.close();
    for (const child of children) await stopChild(child);
    await db.end();
  }
}

/** TRUNCATE every table the reset empties, in one transaction, as the reset's core; its time or its error. */
async function rawTruncate(db: pg.Pool): Promise<{ ms: number; error?: string }> {
  const client = await db.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1)`,
      [KEPT],
    );
    const names = rows.map(({ tablename }) => `public."${tablename}"`).join(', ');
    let error: string | undefined;
    const ms = await timeMs(async () => {
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL porchlight.allow_truncate = 'on'`);
        await client.query(`TRUNCATE ${names} RESTART IDENTITY CASCADE`);
        await client.query('COMMIT');
      } catch (failure) {
        error = `${(failure as { code?: string }).code ?? ''} ${(failure as Error).message}`.trim();
        await client.query('ROLLBACK');
      }
    });
    return { ms, error };
  } finally {
    client.release();
  }
}

/** What one API test typically leaves: an agency and officer, 20 residents with a camera and 3 clips each, a few audit events. */
async function seedSmallWorld(db: pg.Pool): Promise<void> {
  await db.query(
    `WITH agency AS (
       INSERT INTO agency (name, kind, city, state, zip, jurisdiction, partner_since)
       VALUES ('Bench PD', 'police', 'Denver', 'CO', '80202',
               ST_GeogFromText('MULTIPOLYGON(((-105.1 39.6, -104.8 39.6, -104.8 39.9, -105.1 39.9, -105.1 39.6)))'), '2019-08-28')
       RETURNING id
     ),
     officer AS (
       INSERT INTO app_user (email, display_name, role, agency_id, password_hash)
       SELECT 'officer-' || gen_random_uuid() || '@bench.local', 'Officer', 'officer', id, 'x' FROM agency
     ),
     residents AS (
       INSERT INTO app_user (email, display_name, role, password_hash)
       SELECT 'resident-' || gen_random_uuid() || '@bench.local', 'Resident ' || n, 'resident', 'x' FROM generate_series(1, 20) AS n
       RETURNING id
     ),
     cameras AS (
       INSERT INTO camera (owner_id, label, location, h3_r9, created_at)
       SELECT id, 'Porch', ST_SetSRID(ST_MakePoint(-104.99, 39.74), 4326)::geography, '8926990b0e3ffff', now() FROM residents
       RETURNING id
     )
     INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at)
     SELECT c.id, now() - k * interval '1 hour', now() - k * interval '1 hour' + interval '5 minutes', 'motion', now()
     FROM cameras c, generate_series(1, 3) AS k`,
  );
}

/**
 * Loads the 100,000 owners again (the previous reset removed them), asks them all through the
 * api, and waits until the worker is writing their inbox rows; answers how many it had written.
 */
async function startFanOut(db: pg.Pool, api: string, tokens: TokenService): Promise<number> {
  await ensureFanoutOwners(db);
  const officer = await ensureFanoutOfficer(db);
  const { window } = await resetFanoutRun(db);
  const response = await fetch(`${api}/portal/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.issue({ id: officer.id, role: 'officer' })}` },
    body: JSON.stringify({
      caseNumber: `RESET-${Date.now()}`,
      incidentType: 'burglary',
      description: 'Break-in on the block',
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
      area: { center: FANOUT_CENTER, radiusMeters: FANOUT_RADIUS_METERS },
    }),
  });
  if (response.status !== 201) throw new Error(`request answered ${response.status}: ${await response.text()}`);
  for (;;) {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification');
    if (rows[0]!.n > 0) return rows[0]!.n;
    await sleep(10);
  }
}
