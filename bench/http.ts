import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabaseUrl } from './bench-database.js';
import { summariseCpuProfile } from './cpu-profile.js';
import { cpuSeconds, freePort, serverCpuSeconds, startChild, stopChild, waitReady, type Child } from './fanout-processes.js';
import { writeResults } from './results-file.js';
import { round } from './stats.js';

const RESULTS = 'bench/results/http.json';
const PROFILE_FILE = 'bench/results/http-api.cpuprofile';
const DATABASE = 'porchlight_bench_http';
const ROUTES = ['/api/me', '/api/me/notifications'] as const;
// 50 connections for 8 s (how the ~2,000 req/s ceiling was first measured); three rounds, api and raw in turn.
const CONNECTIONS = 50;
const DURATION_SECONDS = 8;
const WARMUP_SECONDS = 2;
const ROUNDS = 3;
const NOTIFICATIONS = 50;
const TARGET_RATIO = 0.6;

type Server = 'api' | 'raw';
interface Sample {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  /** CPU seconds the server process used per 1,000 requests, and PostgreSQL's. */
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

/**
 * Authenticated GET routes of the api beside a raw Fastify + fast-jwt + pg server doing the same
 * work (bench/http-raw-server.ts), each one process started by the bench, driven with autocannon
 * from this process in turn. `--profile` also writes a CPU profile of the api under load and
 * prints where its time goes (bench/cpu-profile.ts).
 */
export async function run(args: string[] = []): Promise<void> {
  const profile = args.includes('--profile');
  const url = await benchDatabaseUrl(DATABASE);
  const jwtSecret = randomBytes(48).toString('hex');
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    JWT_SECRET: jwtSecret,
    // Whatever .env holds for development: a production api wants a long one.
    SANDBOX_KEY: randomBytes(24).toString('hex'),
    QUEUE_PREFIX: `bench-http-${Date.now().toString(36)}`,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  const [apiPort, rawPort, workerPort] = [await freePort(), await freePort(), await freePort()];
  const servers: Record<Server, Child> = {
    api: startChild(
      'api',
      'apps/api/src/main.ts',
      { ...env, PORT: String(apiPort), WORKER_HEALTH_PORT: String(workerPort), CPU_PROFILE_FILE: PROFILE_FILE },
      apiPort,
      profile ? { nodeArgs: ['--import', './bench/cpu-profiler.mjs'], ipc: true } : {},
    ),
    raw: startChild('raw', 'bench/http-raw-server.ts', { ...env, PORT: String(rawPort) }, rawPort),
  };
  const db = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await Promise.all(Object.values(servers).map((child) => waitReady(child)));
    const token = await seedResident(db, `http://127.0.0.1:${apiPort}`);
    const drive = async (server: Server, route: string, seconds: number): Promise<Sample> => {
      const child = servers[server];
      const [cpuBefore, postgresBefore] = [cpuSeconds(child.process.pid!), serverCpuSeconds().postgres];
      const result = await autocannon({
        url: `http://127.0.0.1:${child.port}${route}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization: `Bearer ${token}` },
      });
      const requests = result.requests.total;
      return {
        requestsPerSecond: round(result.requests.average),
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        serverCpuMsPerRequest: round(((cpuSeconds(child.process.pid!) - cpuBefore) * 1000) / requests),
        postgresCpuMsPerRequest: round(((serverCpuSeconds().postgres - postgresBefore) * 1000) / requests),
      };
    };

    const samples: Record<string, Record<Server, Sample[]>> = {};
    for (const route of ROUTES) {
      samples[route] = { api: [], raw: [] };
      for (const server of ['api', 'raw'] as const) await drive(server, route, WARMUP_SECONDS);
    }
    if (profile) {
      await profileApi(servers.api, async () => {
        for (const route of ROUTES) await drive('api', route, DURATION_SECONDS);
      });
      return;
    }
    for (let round_ = 1; round_ <= ROUNDS; round_++) {
      for (const route of ROUTES) {
        for (const server of ['api', 'raw'] as const) {
          const sample = await drive(server, route, DURATION_SECONDS);
          if (sample.non2xx > 0 || sample.errors > 0) throw new Error(`${server} ${route}: ${sample.non2xx} non-2xx, ${sample.errors} errors`);
          samples[route]![server].push(sample);
          process.stdout.write(`round ${round_} ${server.padEnd(3)} ${route}: ${sample.requestsPerSecond} req/s, p50 ${sample.latencyP50Ms} ms\n`);
        }
      }
    }

    const routes = Object.fromEntries(
      ROUTES.map((route) => {
        const api = median(samples[route]!.api);
        const raw = median(samples[route]!.raw);
        const ratio = round(api.requestsPerSecond / raw.requestsPerSecond);
        return [route, { api, raw, ratio, met: ratio >= TARGET_RATIO, rounds: samples[route] }];
      }),
    );
    const result = {
      benchmark: 'http',
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      target: { ratio: TARGET_RATIO },
      load: { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, rounds: ROUNDS, notificationsInInbox: NOTIFICATIONS },
      api: 'apps/api/src/main.ts, NODE_ENV=production, LOG_LEVEL=warn, one process',
      raw: 'bench/http-raw-server.ts: Fastify, fast-jwt, pg; the same lookups and JSON, one process',
      figures: 'the median round by requests per second',
      routes,
    };
    writeResults(RESULTS, result);
    process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(routes).map(([route, r]) => [route, { api: r.api.requestsPerSecond, raw: r.raw.requestsPerSecond, ratio: r.ratio }])), null, 2)}\n`);
  } finally {
    await db.end();
    await Promise.all(Object.values(servers).map((child) => stopChild(child)));
  }
}

/** A CPU profile of the api while `load` runs (bench/cpu-profiler.mjs), then where its time went. */
async function profileApi(api: Child, load: () => Promise<void>): Promise<void> {
  mkdirSync('bench/results', { recursive: true });
  api.process.send('cpu-profile:start');
  await load();
  const written = once(api.process, 'message');
  api.process.send('cpu-profile:stop');
  await written;
  process.stdout.write(`\n${summariseCpuProfile(PROFILE_FILE)}\nprofile: ${PROFILE_FILE} (open it in Chrome DevTools)\n`);
}

/** A resident with a full inbox (the list route answers a page of 20 and a cursor); their token. */
async function seedResident(db: pg.Pool, api: string): Promise<string> {
  await db.query('TRUNCATE app_user CASCADE');
  const response = await fetch(`${api}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-resident@example.org', password: 'correct horse battery', displayName: 'Bench Resident' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  const { user, accessToken } = (await response.json()) as { user: { id: string }; accessToken: string };
  await db.query(
    `INSERT INTO notification (event_id, user_id, type, title, body, data, created_at, read_at)
     SELECT gen_random_uuid(), $1, 'request.created', 'Lakeside Police Department asks for footage',
            'Case 2030-000' || n || ': a parcel taken from a porch, 9:00 to 11:00. You decide whether to share.',
            jsonb_build_object('requestId', gen_random_uuid()), now() - n * interval '1 minute',
            CASE WHEN n % 3 = 0 THEN now() END
     FROM generate_series(1, $2) AS n`,
    [user.id, NOTIFICATIONS],
  );
  return accessToken;
}

const median = (samples: Sample[]): Sample => [...samples].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(samples.length / 2)]!;
