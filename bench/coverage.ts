import { cpus } from 'node:os';
import { AreaCamerasService, CamerasModule, CoverageService, type AreaCamera } from '@app/cameras';
import { cellsInBbox, type Bbox, type CircleArea } from '@app/geo';
import { effectivePoliceRequests, PolicyService, type PolicyRules } from '@app/policy';
import pg from 'pg';
// Not on the lib's public surface: the raw side sends the repository's own statement through pg.
import { AreaCamerasRepository } from '../libs/cameras/src/area-cameras.repository.js';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { previousLoad, writeResults } from './results-file.js';
import { ensureCameras, HALF_SIZE_KM, randomBox, toLatLng, type LoadSeconds } from './load-cameras.js';
import { captureStatement, explain, viaPg } from './statements.js';
import { compare, seededRandom, timeMs } from './stats.js';

const ITERATIONS = 200;
const WARMUP = 20;
/** A city-sized box: 7 × 7 km, just under the 50 km² CoverageService accepts (10 × 10 km → 400). */
const BOX_KM = 7;
const RESULTS = 'bench/results/coverage.json';

// The statement CoverageRepository runs, here without Nest, TypeORM or the policy lookup.
const RAW_COVERAGE = `SELECT h3_r9 AS cell, count(*)::int AS count
  FROM camera
  WHERE h3_r9 = ANY($1::text[])
    AND COALESCE(owner_police_requests, $2::text) = 'receive'
    AND NOT owner_e2ee
  GROUP BY h3_r9
  HAVING count(*) >= $3::int
  ORDER BY h3_r9`;

/** 0.5 sq mi = 1,294,994 m² = π × 642.0² m: the largest circle ring-2019 allows. */
const AREA_RADIUS_METERS = 642;

function randomCircle(random: () => number): CircleArea {
  const reach = HALF_SIZE_KM - 1;
  return { center: toLatLng((random() * 2 - 1) * reach, (random() * 2 - 1) * reach), radiusMeters: AREA_RADIUS_METERS };
}


export async function run(): Promise<void> {
  const url = await benchDatabaseUrl();
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const load = (await ensureCameras(db)) ?? previousLoad<LoadSeconds>(RESULTS);
  const rows = await rowCounts(db);

  const app = await benchApp(url, [CamerasModule]);
  const policy = await app.get(PolicyService).active();
  const cityCoverage = await measureCoverage(app.get(CoverageService), db, policy);
  const areaMatch = await measureAreaMatch(app.get(AreaCamerasService), db);
  await app.close();
  await db.end();

  const result = {
    benchmark: 'coverage',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, postgres: rows.postgres },
    data: { ...rows.counts, areaKm: 2 * HALF_SIZE_KM, boxKm: BOX_KM, areaRadiusMeters: AREA_RADIUS_METERS, policy: policy.profile },
    loadSeconds: load,
    iterations: ITERATIONS,
    warmup: WARMUP,
    cityCoverage: { ...cityCoverage.figures, target: 'service p95 < 50 ms' },
    areaMatch: { ...areaMatch.figures, target: 'service p50 < 5 ms and ≤ 1.5 × raw' },
    explain: { cityCoverage: cityCoverage.plan, areaMatch: areaMatch.plan },
  };
  writeResults(RESULTS, result);
  process.stdout.write(`${JSON.stringify({ cityCoverage: result.cityCoverage, areaMatch: result.areaMatch }, null, 2)}\nwritten to ${RESULTS}\n`);
}

async function measureCoverage(coverage: CoverageService, db: pg.Pool, policy: PolicyRules) {
  // The raw side gets the parameters the service derives from the active policy.
  const params = (box: Bbox): unknown[] => [
    cellsInBbox(box),
    effectivePoliceRequests(null, policy),
    policy.coverageKAnonymity,
  ];
  const check = randomBox(() => 0.5, BOX_KM);
  const [serviceCheck, rawCheck] = [await coverage.cells(check), (await db.query(RAW_COVERAGE, params(check))).rows];
  if (JSON.stringify(serviceCheck) !== JSON.stringify(rawCheck)) throw new Error('service and raw SQL disagree');

  const random = seededRandom(11);
  const service: number[] = [];
  const raw: number[] = [];
  let cellsReturned = 0;
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const box = randomBox(random, BOX_KM);
    // Interleaved, on the same box, so cache state and load affect both alike.
    const serviceMs = await timeMs(async () => {
      cellsReturned += (await coverage.cells(box)).length;
    });
    const rawMs = await timeMs(() => db.query(RAW_COVERAGE, params(box)));
    if (i >= WARMUP) {
      service.push(serviceMs);
      raw.push(rawMs);
    }
  }
  const plan = await explain(viaPg(db), { sql: RAW_COVERAGE, params: params(randomBox(random, BOX_KM)) });
  return { figures: { ...compare(service, raw), averageCellsReturned: Math.round(cellsReturned / (ITERATIONS + WARMUP)) }, plan };
}

/**
 * Issue 5's area match: the cameras within 0.5 sq mi of random points, with their owners'
 * choices, as footage requests find them. Service = AreaCamerasService.within (Nest, TypeORM);
 * raw = AreaCamerasRepository's own statement sent with pg.
 */
async function measureAreaMatch(areaCameras: AreaCamerasService, db: pg.Pool) {
  const repository = new AreaCamerasRepository();
  const raw = viaPg(db);
  const ids = (cameras: { cameraId: string }[]) => cameras.map((camera) => camera.cameraId).sort().join();
  const random = seededRandom(29);
  const serviceMs: number[] = [];
  const rawMs: number[] = [];
  let cameras = 0;
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const area = randomCircle(random);
    const found: { service: AreaCamera[]; raw: AreaCamera[] } = { service: [], raw: [] };
    const viaService = () => timeMs(async () => void (found.service = await areaCameras.within(area)));
    const viaRaw = () => timeMs(async () => void (found.raw = await repository.within(raw, area)));
    // Same point for both, alternating which goes first, so neither always finds the pages warm.
    let s: number;
    let r: number;
    if (i % 2 === 0) {
      s = await viaService();
      r = await viaRaw();
    } else {
      r = await viaRaw();
      s = await viaService();
    }
    if (ids(found.service) !== ids(found.raw)) throw new Error('service and raw SQL found different cameras');
    if (i >= WARMUP) {
      serviceMs.push(s);
      rawMs.push(r);
      cameras += found.service.length;
    }
  }
  const plan = await explain(raw, await captureStatement((m) => repository.within(m, randomCircle(random))));
  return { figures: { ...compare(serviceMs, rawMs), averageCamerasFound: Math.round(cameras / ITERATIONS) }, plan };
}

async function rowCounts(db: pg.Pool) {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM camera) AS cameras,
            (SELECT count(*) FROM app_user) AS owners,
            (SELECT count(*) FROM privacy_setting WHERE police_requests = 'receive' AND NOT end_to_end_encryption) AS "privacyReceive",
            (SELECT count(*) FROM privacy_setting WHERE police_requests = 'block') AS "privacyBlock",
            (SELECT count(*) FROM privacy_setting WHERE end_to_end_encryption) AS "privacyE2ee",
            current_setting('server_version') AS postgres`,
  );
  const { postgres, ...counts } = rows[0]!;
  return { postgres, counts: Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, Number(n)])) };
}
