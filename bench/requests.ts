import { cpus } from 'node:os';
import type { AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import { effectivePoliceRequests, PolicyService } from '@app/policy';
import { RequestsModule, RequestsService } from '@app/requests';
import { AreaCamerasService } from '@app/cameras';
import pg from 'pg';
// Not on the libs' public surfaces: the raw side runs the product's own statements through pg.
import { AreaCamerasRepository } from '../libs/cameras/src/area-cameras.repository.js';
import { audienceOf, type NeverChoseGets } from '../libs/requests/src/domain/audience.js';
import { RequestsRepository } from '../libs/requests/src/requests.repository.js';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { ensureCameras, HALF_SIZE_KM, toLatLng, type LoadSeconds } from './load-cameras.js';
import { ensureRecordings, type RecordingLoadSeconds } from './load-recordings.js';
import { previousLoad, writeResults } from './results-file.js';
import { captureStatement, explain, inRolledBack, viaPg } from './statements.js';
import { compare, round, seededRandom, timeMs } from './stats.js';

const ITERATIONS = 200;
const WARMUP = 20;
/** 0.5 sq mi = 1,294,994 m² = π × 642.0² m: the largest circle ring-2019 allows. */
const RADIUS_METERS = 642;
const WINDOW_MS = 12 * 3_600_000;
/** Window ends are spread over this many days before the newest recording. */
const WINDOW_SPREAD_DAYS = 27;
const RESULTS = 'bench/results/requests.json';
const AGENCY = 'Bench Metro Police';

// The raw side's request row, as RequestsRepository.insert writes it for a circle.
const RAW_REQUEST = `INSERT INTO footage_request (agency_id, officer_id, case_number, incident_type, description,
    window_start, window_end, area, area_radius_meters, area_square_meters, policy_profile, delivery, expires_at, created_at)
  VALUES ($1, $2, $3, 'burglary', 'raw side', $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326)::geography, $8::float8,
          pi() * $8::float8 ^ 2, 'ring-2019', 'private', now() + interval '7 days', now())
  RETURNING id`;
const RECIPIENTS = 'SELECT owner_id FROM request_recipient WHERE request_id = $1 ORDER BY owner_id';

interface Case {
  center: { lat: number; lng: number };
  start: Date;
  end: Date;
}

interface Sample {
  createMs: number;
  /** The cameras in the area with their owners' choices (AreaCamerasService.within). */
  areaMs: number;
  /** Their recordings in the window, recipients, offers and counts (RequestsRepository.match). */
  offerMs: number;
}

export async function run(): Promise<void> {
  const url = await benchDatabaseUrl();
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const previous = previousLoad<{ cameras: LoadSeconds | null; recordings: RecordingLoadSeconds | null }>(RESULTS);
  const cameraLoad = (await ensureCameras(db)) ?? previous?.cameras ?? null;
  const recordingLoad = (await ensureRecordings(db)) ?? previous?.recordings ?? null;
  const officer = await ensureOfficer(db);

  const app = await benchApp(url, [RequestsModule]);
  const service = app.get(RequestsService);
  const policy = await app.get(PolicyService).active();
  const neverChoseGets = effectivePoliceRequests(null, policy);
  const requests = app.get(RequestsRepository);
  const areaCameras = new AreaCamerasRepository();
  // The instances RequestsService.create calls, timed per call.
  const areaStep = timeEachCall(app.get(AreaCamerasService), 'within');
  const offerStep = timeEachCall(requests, 'match');

  const now = await app.get(Clock).now();
  const newest = (await db.query<{ at: Date }>('SELECT max(ended_at) AS at FROM recording')).rows[0]!.at;
  const latestEnd = Math.min(now.getTime(), newest.getTime());
  const random = seededRandom(23);
  const nextCase = (): Case => {
    const reach = HALF_SIZE_KM - 1;
    const center = toLatLng((random() * 2 - 1) * reach, (random() * 2 - 1) * reach);
    const end = new Date(latestEnd - random() * WINDOW_SPREAD_DAYS * 86_400_000);
    return { center, start: new Date(end.getTime() - WINDOW_MS), end };
  };
  const runId = Date.now().toString(36);

  const viaService = async (c: Case, i: number): Promise<Sample & { owners: string[]; notified: number }> => {
    let view: Awaited<ReturnType<RequestsService['create']>> | undefined;
    const createMs = await timeMs(async () => {
      view = await service.create(officer, {
        caseNumber: `BENCH-${runId}-${i}`,
        incidentType: 'burglary',
        description: 'Package stolen from a porch',
        window: { start: c.start.toISOString(), end: c.end.toISOString() },
        area: circle(c),
      });
    });
    const owners = (await db.query(RECIPIENTS, [view!.id])).rows.map((row) => row.owner_id as string);
    return { createMs, areaMs: areaStep.lastMs, offerMs: offerStep.lastMs, owners, notified: owners.length };
  };

  const viaRaw = async (c: Case, i: number): Promise<Sample & { owners: string[] }> => {
    const client = await db.connect();
    try {
      const db = viaPg(client);
      let requestId = '';
      let areaMs = 0;
      let offerMs = 0;
      const untilMatched = await timeMs(async () => {
        await client.query('BEGIN');
        requestId = (await client.query(RAW_REQUEST, rawRequest(officer, c, `RAW-${runId}-${i}`))).rows[0].id;
        let cameras: Awaited<ReturnType<AreaCamerasRepository['within']>> = [];
        areaMs = await timeMs(async () => {
          cameras = await areaCameras.within(db, circle(c));
        });
        const audience = audienceOf(cameras, neverChoseGets);
        offerMs = await timeMs(() => requests.match(db, requestId, { start: c.start, end: c.end }, audience));
      });
      const owners = (await client.query(RECIPIENTS, [requestId])).rows.map((row) => row.owner_id as string);
      const rollbackMs = await timeMs(() => client.query('ROLLBACK'));
      return { createMs: untilMatched + rollbackMs, areaMs, offerMs, owners };
    } finally {
      client.release();
    }
  };

  await viaService(nextCase(), -1);
  const serviceSamples: Sample[] = [];
  const rawSamples: Sample[] = [];
  let mismatches = 0;
  let notified = 0;
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const c = nextCase();
    // Interleaved on the same case, alternating which goes first, so that neither always finds
    // the other's pages already in the cache.
    let s: Awaited<ReturnType<typeof viaService>>;
    let r: Awaited<ReturnType<typeof viaRaw>>;
    if (i % 2 === 0) {
      s = await viaService(c, i);
      r = await viaRaw(c, i);
    } else {
      r = await viaRaw(c, i);
      s = await viaService(c, i);
    }
    if (s.owners.join() !== r.owners.join()) mismatches++;
    if (i >= WARMUP) {
      serviceSamples.push(s);
      rawSamples.push(r);
      notified += s.notified;
    }
  }
  if (mismatches > 0) throw new Error(`service and raw SQL asked different owners in ${mismatches} cases`);

  const plan = await explainMatching(db, requests, officer, nextCase(), neverChoseGets);
  await app.close();
  const rows = await rowCounts(db);
  await db.end();

  const result = {
    benchmark: 'requests',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, postgres: rows.postgres },
    data: { ...rows.counts, policy: policy.profile, radiusMeters: RADIUS_METERS, windowHours: WINDOW_MS / 3_600_000 },
    loadSeconds: { cameras: cameraLoad, recordings: recordingLoad },
    iterations: ITERATIONS,
    warmup: WARMUP,
    averageOwnersNotified: round(notified / ITERATIONS),
    requestCreation: {
      ...compare(serviceSamples.map((s) => s.createMs), rawSamples.map((r) => r.createMs)),
      service: 'RequestsService.create: policy checks, jurisdiction, case lock, insert, area match, offers, outbox, audit, re-read, commit',
      raw: 'pg: BEGIN, INSERT footage_request, the area match and offer statements, ROLLBACK',
      target: 'service p95 ≤ 1.5 × raw and service p50 < 20 ms',
    },
    steps: {
      matching: {
        ...compare(serviceSamples.map((s) => s.areaMs + s.offerMs), rawSamples.map((r) => r.areaMs + r.offerMs)),
        service: 'area match + offers, per request (what one statement did before 2026-12-01)',
        raw: 'the same two statements with pg',
      },
      areaMatch: {
        ...compare(serviceSamples.map((s) => s.areaMs), rawSamples.map((r) => r.areaMs)),
        service: 'AreaCamerasService.within as RequestsService.create calls it (TypeORM, inside its transaction)',
        raw: "the same statement with pg, inside the raw transaction (coverage.json has the area match's own figure)",
      },
      offers: {
        ...compare(serviceSamples.map((s) => s.offerMs), rawSamples.map((r) => r.offerMs)),
        service: 'RequestsRepository.match as RequestsService.create calls it: recordings in the window, recipients, offers, counts',
        raw: 'the same statement with pg, inside the raw transaction',
      },
    },
    explain: plan,
  };
  writeResults(RESULTS, result);
  process.stdout.write(
    `${JSON.stringify({ requestCreation: result.requestCreation, steps: result.steps, averageOwnersNotified: result.averageOwnersNotified }, null, 2)}\nwritten to ${RESULTS}\n`,
  );
}

/** Wraps a method of the instance the service holds to time each call (the last one's time). */
function timeEachCall<Target extends object, Name extends keyof Target & string>(target: Target, name: Name) {
  const method = (target[name] as (...args: unknown[]) => Promise<unknown>).bind(target);
  const state = { lastMs: 0 };
  Object.assign(target, {
    [name]: async (...args: unknown[]) => {
      const start = process.hrtime.bigint();
      try {
        return await method(...args);
      } finally {
        state.lastMs = Number(process.hrtime.bigint() - start) / 1e6;
      }
    },
  });
  return state;
}

const circle = (c: Case) => ({ center: c.center, radiusMeters: RADIUS_METERS });

const rawRequest = (officer: AuthUser, c: Case, caseNumber: string): unknown[] => [
  officer.agencyId, officer.id, caseNumber, c.start, c.end, c.center.lng, c.center.lat, RADIUS_METERS,
];

/** An agency whose jurisdiction covers the whole area, and one officer of it. */
async function ensureOfficer(db: pg.Pool): Promise<AuthUser> {
  const corner = (east: number, north: number) => {
    const { lat, lng } = toLatLng(east, north);
    return `${lng} ${lat}`;
  };
  const edge = HALF_SIZE_KM + 1;
  const ring = [corner(-edge, -edge), corner(edge, -edge), corner(edge, edge), corner(-edge, edge), corner(-edge, -edge)];
  const agencyId: string =
    (await db.query('SELECT id FROM agency WHERE name = $1', [AGENCY])).rows[0]?.id ??
    (
      await db.query(
        `INSERT INTO agency (name, kind, city, state, zip, jurisdiction, partner_since)
         VALUES ($1, 'police', 'Denver', 'CO', '80202', ST_GeogFromText($2), '2019-08-28') RETURNING id`,
        [AGENCY, `MULTIPOLYGON(((${ring.join(', ')})))`],
      )
    ).rows[0].id;
  // Reloading the cameras empties app_user, so the officer may be gone while the agency stays.
  const officer: { id: string; email: string; displayName: string; createdAt: Date } =
    (await db.query(`SELECT id, email, display_name AS "displayName", created_at AS "createdAt" FROM app_user WHERE agency_id = $1 AND role = 'officer'`, [agencyId])).rows[0] ??
    (
      await db.query(
        `INSERT INTO app_user (email, display_name, role, agency_id, password_hash)
         VALUES ('officer@bench.local', 'Bench Officer', 'officer', $1, 'not-a-login') RETURNING id, email, display_name AS "displayName", created_at AS "createdAt"`,
        [agencyId],
      )
    ).rows[0];
  return { ...officer, role: 'officer', agencyId };
}

/** Both steps' plans; EXPLAIN ANALYZE runs the writes too, so it stays in a rolled-back transaction. */
function explainMatching(db: pg.Pool, requests: RequestsRepository, officer: AuthUser, c: Case, neverChoseGets: NeverChoseGets) {
  return inRolledBack(db, async (client) => {
    const { rows } = await client.query(RAW_REQUEST, rawRequest(officer, c, 'RAW-EXPLAIN'));
    const areaCameras = new AreaCamerasRepository();
    const area = await captureStatement((m) => areaCameras.within(m, circle(c)));
    const audience = audienceOf(await areaCameras.within(viaPg(client), circle(c)), neverChoseGets);
    const offers = await captureStatement((m) => requests.match(m, rows[0].id, { start: c.start, end: c.end }, audience));
    return { areaMatch: await explain(viaPg(client), area), offers: await explain(viaPg(client), offers) };
  });
}

async function rowCounts(db: pg.Pool) {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM camera) AS cameras,
            (SELECT count(*) FROM recording) AS recordings,
            (SELECT count(*) FROM app_user WHERE role = 'resident') AS owners,
            current_setting('server_version') AS postgres`,
  );
  const { postgres, ...counts } = rows[0]!;
  return { postgres, counts: Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, Number(n)])) };
}
