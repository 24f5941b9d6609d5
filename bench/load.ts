import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import autocannon, { type Request, type Result } from 'autocannon';
import { benchDatabaseUrl } from './bench-database.js';
import { freePort, startChild, stopChild, waitReady } from './fanout-processes.js';
import { writeResults } from './results-file.js';
import { percentile, round, seededRandom } from './stats.js';

const RESULTS = 'bench/results/load.json';
const DATABASE = 'porchlight_bench_load';
const MEASURED_SECONDS = 60;
const STEP_SECONDS = 15;
/** Requests prepared before the run, so owners have open requests to answer all along. */
const PREPARED_REQUESTS = 40;
const HOUR_MS = 3_600_000;
/** Saturated: the api delivers less than this share of the rate asked of it. */
const SATURATED_BELOW = 0.9;

/**
 * The mixed traffic of a town at its stated target rate (requests per second). A deployment of
 * a few thousand households: residents' apps polling the inbox, anyone reading the policy and the
 * agency map, officers reading their requests and footage, owners answering, officers asking.
 */
const TRAFFIC = {
  'GET /api/me/notifications': 80,
  'GET /api/policy + /api/agencies/map': 40,
  'GET /api/portal/requests (+ footage)': 10,
  'POST /api/me/requests/{id}/response': 4,
  'POST /api/portal/requests': 1,
} as const;
type Route = keyof typeof TRAFFIC;

interface Town {
  residents: string[];
  officer: string;
  center: { lat: number; lng: number };
  /** Owner tokens and the open requests they were asked, in a repeatable shuffled order. */
  answers: { token: string; requestId: string }[];
  requestIds: string[];
}

interface RouteFigures {
  targetPerSecond: number;
  achievedPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p95: number; p99: number };
  non2xx: Record<string, number>;
  /** The 4xx this route may give by design: 409 for answers only once the prepared answers ran out and owners answer again. */
  expected4xx: number[];
  errors: number;
}

/**
 * `npm run bench -- load`: the api and the worker as `npm start` runs them (production mode, one
 * process each), the demo town loaded through the sandbox, then autocannon (as a library, from
 * this process) drives every kind of traffic at once at its target rate for 60 s, at twice it for
 * 60 s, then at 4×, 8×, 16× … for 15 s each until the api delivers under 90 % of what is asked:
 * the rate it saturates at on this machine. Latencies are as the client saw them (autocannon's
 * response times, no correction for the requests a saturated server delays).
 */
export async function run(): Promise<void> {
  const url = await benchDatabaseUrl(DATABASE);
  const sandboxKey = randomBytes(24).toString('hex');
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    JWT_SECRET: randomBytes(48).toString('hex'),
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    SANDBOX_KEY: sandboxKey,
    QUEUE_PREFIX: `bench-load-${Date.now().toString(36)}`,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  const api = startChild('api', 'apps/api/src/main.ts', { ...env, PORT: String(apiPort), WORKER_HEALTH_PORT: String(workerPort) }, apiPort);
  const worker = startChild('worker', 'apps/worker/src/main.ts', { ...env, PORT: String(apiPort), WORKER_HEALTH_PORT: String(workerPort) }, workerPort);
  try {
    await Promise.all([waitReady(api), waitReady(worker)]);
    const base = `http://127.0.0.1:${apiPort}`;
    const town = await loadTown(base, sandboxKey);
    process.stdout.write(`town: ${town.residents.length} residents, ${town.requestIds.length} open requests, ${town.answers.length} answers to give\n`);
    const drive = mixedLoad(base, town);

    const target = await drive(1, MEASURED_SECONDS);
    report('1×', target);
    const doubled = await drive(2, MEASURED_SECONDS);
    report('2×', doubled);
    const steps: { multiple: number; askedPerSecond: number; achievedPerSecond: number; p99Ms: number }[] = [];
    for (let multiple = 4; multiple <= 64; multiple *= 2) {
      const step = await drive(multiple, STEP_SECONDS);
      const summary = totals(step);
      steps.push({ multiple, ...summary });
      process.stdout.write(`${multiple}×: asked ${summary.askedPerSecond} req/s, got ${summary.achievedPerSecond}, p99 ${summary.p99Ms} ms\n`);
      if (summary.achievedPerSecond < summary.askedPerSecond * SATURATED_BELOW) break;
    }
    const sustained = [totals(target), totals(doubled), ...steps].filter((step) => step.achievedPerSecond >= step.askedPerSecond * SATURATED_BELOW);
    const unexpected = [target, doubled].flatMap((load) =>
      Object.entries(load).flatMap(([route, figures]) =>
        Object.entries(figures.non2xx)
          .filter(([status]) => !figures.expected4xx.includes(Number(status)))
          .map(([status, count]) => `${route}: ${count} × ${status}`),
      ),
    );
    writeResults(RESULTS, {
      benchmark: 'load',
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus().length },
      setup: 'api and worker as npm start runs them (NODE_ENV=production, one process each), PostgreSQL and Redis on the same machine, autocannon in the bench process',
      town: { residents: town.residents.length, preparedRequests: town.requestIds.length, answersPrepared: town.answers.length },
      targetPerSecond: TRAFFIC,
      target,
      doubled,
      saturation: {
        steps,
        sustainedPerSecond: Math.max(...sustained.map((step) => step.achievedPerSecond)),
        rule: `the highest total rate delivered at ≥ ${SATURATED_BELOW * 100} % of what was asked`,
      },
      unexpectedStatuses: unexpected,
    });
    process.stdout.write(`saturates at about ${Math.max(...sustained.map((step) => step.achievedPerSecond))} req/s in all; written to ${RESULTS}\n`);
    if (unexpected.length > 0) throw new Error(`answers outside the contract's expectations: ${unexpected.join('; ')}`);
  } finally {
    await Promise.all([stopChild(api), stopChild(worker)]);
  }
}

async function call<T>(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A request body over the town's centre and the last 12 hours (ring-2019's longest window). */
const requestBody = (center: Town['center'], caseNumber: string) => ({
  caseNumber,
  incidentType: 'package-theft',
  description: 'Parcel taken from a porch',
  window: { start: new Date(Date.now() - 12 * HOUR_MS).toISOString(), end: new Date().toISOString() },
  area: { center, radiusMeters: 600 },
});

/** A fresh world with the demo town; every neighbour signed in; requests already made to them. */
async function loadTown(base: string, sandboxKey: string): Promise<Town> {
  const key = { 'x-sandbox-key': sandboxKey };
  await call(base, 'POST', '/api/sandbox/reset', key);
  const { town, people } = await call<{ town: { center: Town['center'] }; people: { email: string; role: string }[] }>(base, 'POST', '/api/sandbox/demo-town', key);
  const signIn = async (email: string) => (await call<{ accessToken: string }>(base, 'POST', '/api/sandbox/sign-in', key, { email })).accessToken;
  const neighbours = Array.from({ length: 300 }, (_, index) => `neighbour${String(index + 1).padStart(3, '0')}@porchlight.local`);
  const residents = await Promise.all([...people.filter((person) => person.role === 'resident').map((person) => person.email), ...neighbours].map(signIn));
  // The officer whose jurisdiction holds the centre of town.
  let officer = '';
  const requestIds: string[] = [];
  for (const person of people.filter((candidate) => candidate.role === 'officer')) {
    const token = await signIn(person.email);
    const tried = await fetch(`${base}/api/portal/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(requestBody(town.center, 'LOAD-PREP-0')),
    });
    if (tried.status === 201) {
      officer = token;
      requestIds.push(((await tried.json()) as { id: string }).id);
      break;
    }
  }
  if (officer === '') throw new Error('no demo officer may ask about the centre of town');
  for (let index = 1; index < PREPARED_REQUESTS; index++) {
    requestIds.push((await call<{ id: string }>(base, 'POST', '/api/portal/requests', { authorization: `Bearer ${officer}` }, requestBody(town.center, `LOAD-PREP-${index}`))).id);
  }
  const answers: Town['answers'] = [];
  for (const token of residents) {
    const mine = await call<{ items: { id: string; decision: { state: string } }[] }>(base, 'GET', '/api/me/requests?limit=100', { authorization: `Bearer ${token}` });
    for (const item of mine.items) if (requestIds.includes(item.id) && item.decision.state === 'requested') answers.push({ token, requestId: item.id });
  }
  const random = seededRandom(2026);
  answers.sort(() => random() - 0.5);
  return { residents, officer, center: town.center, answers, requestIds };
}

/** Every kind of traffic at `multiple` × its target rate for `seconds`, at once; figures per route. */
function mixedLoad(base: string, town: Town) {
  const random = seededRandom(7);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  let caseNumber = 0;
  let answered = 0;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const json = { 'content-type': 'application/json' };

  const requestsOf: Record<Route, () => Request> = {
    'GET /api/me/notifications': () => ({ method: 'GET', path: '/api/me/notifications', headers: bearer(pick(town.residents)) }),
    'GET /api/policy + /api/agencies/map': () => ({ method: 'GET', path: random() < 0.5 ? '/api/policy' : '/api/agencies/map' }),
    'GET /api/portal/requests (+ footage)': () => ({
      method: 'GET',
      path: random() < 0.5 ? '/api/portal/requests?limit=20' : `/api/portal/requests/${pick(town.requestIds)}/footage`,
      headers: bearer(town.officer),
    }),
    'POST /api/me/requests/{id}/response': () => {
      const answer = town.answers[answered++ % town.answers.length]!;
      const body = answered % 2 === 0 ? { decision: 'share' } : { decision: 'decline' };
      return { method: 'POST', path: `/api/me/requests/${answer.requestId}/response`, headers: { ...bearer(answer.token), ...json }, body: JSON.stringify(body) };
    },
    'POST /api/portal/requests': () => ({
      method: 'POST',
      path: '/api/portal/requests',
      headers: { ...bearer(town.officer), ...json },
      body: JSON.stringify(requestBody(town.center, `LOAD-${++caseNumber}`)),
    }),
  };

  return async (multiple: number, seconds: number): Promise<Record<Route, RouteFigures>> => {
    const runs = (Object.keys(TRAFFIC) as Route[]).map(async (route) => {
      const rate = TRAFFIC[route] * multiple;
      const latencies: number[] = [];
      const non2xx: Record<string, number> = {};
      const result = await new Promise<Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: base,
            duration: seconds,
            overallRate: rate,
            // Enough connections that a slow answer does not hold the rate back (until the api saturates).
            connections: Math.max(2, Math.min(200, Math.ceil(rate / 10))),
            requests: [{ setupRequest: (request: Request) => ({ ...request, ...requestsOf[route]() }) }],
          },
          (error, finished) => (error ? reject(error) : resolve(finished)),
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          latencies.push(responseTime);
          if (statusCode < 200 || statusCode >= 300) non2xx[statusCode] = (non2xx[statusCode] ?? 0) + 1;
        });
      });
      const figures: RouteFigures = {
        targetPerSecond: rate,
        achievedPerSecond: round(result.requests.total / seconds),
        requests: result.requests.total,
        latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)) },
        non2xx,
        expected4xx: route === 'POST /api/me/requests/{id}/response' && answered > town.answers.length ? [409] : [],
        errors: result.errors + result.timeouts,
      };
      return [route, figures] as const;
    });
    return Object.fromEntries(await Promise.all(runs)) as Record<Route, RouteFigures>;
  };
}

function totals(load: Record<Route, RouteFigures>) {
  const figures = Object.values(load);
  return {
    askedPerSecond: figures.reduce((sum, route) => sum + route.targetPerSecond, 0),
    achievedPerSecond: round(figures.reduce((sum, route) => sum + route.achievedPerSecond, 0)),
    p99Ms: Math.max(...figures.map((route) => route.latencyMs.p99)),
  };
}

function report(label: string, load: Record<Route, RouteFigures>): void {
  for (const [route, figures] of Object.entries(load)) {
    process.stdout.write(
      `${label} ${route}: ${figures.achievedPerSecond}/${figures.targetPerSecond} req/s, p50 ${figures.latencyMs.p50} p95 ${figures.latencyMs.p95} p99 ${figures.latencyMs.p99} ms, non-2xx ${JSON.stringify(figures.non2xx)}, errors ${figures.errors}\n`,
    );
  }
}
