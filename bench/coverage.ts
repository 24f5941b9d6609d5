import { cpus } from 'node:os';
import { CamerasModule, CoverageService } from '@app/cameras';
import { cellsInBbox, type Bbox } from '@app/geo';
import { effectivePoliceRequests, PolicyService } from '@app/policy';
import pg from 'pg';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { previousLoad, writeResults } from './results-file.js';
import { ensureCameras, HALF_SIZE_KM, toLatLng, type LoadSeconds } from './load-cameras.js';
import { percentile, round, seededRandom, timeMs } from './stats.js';

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

function randomBox(random: () => number): Bbox {
  const east = (random() * 2 - 1) * (HALF_SIZE_KM - BOX_KM);
  const north = (random() * 2 - 1) * (HALF_SIZE_KM - BOX_KM);
  const sw = toLatLng(east, north);
  const ne = toLatLng(east + BOX_KM, north + BOX_KM);
  return { minLng: sw.lng, minLat: sw.lat, maxLng: ne.lng, maxLat: ne.lat };
}

export async function run(): Promise<void> {
  const url = await benchDatabaseUrl();
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const load = (await ensureCameras(db)) ?? previousLoad<LoadSeconds>(RESULTS);
  const rows = await rowCounts(db);

  const app = await benchApp(url, [CamerasModule]);
  const coverage = app.get(CoverageService);
  // The raw side gets the parameters the service derives from the active policy.
  const policy = await app.get(PolicyService).active();
  const params = (box: Bbox): unknown[] => [
    cellsInBbox(box),
    effectivePoliceRequests(null, policy),
    policy.coverageKAnonymity,
  ];
  const check = randomBox(() => 0.5);
  const [serviceCheck, rawCheck] = [await coverage.cells(check), (await db.query(RAW_COVERAGE, params(check))).rows];
  if (JSON.stringify(serviceCheck) !== JSON.stringify(rawCheck)) throw new Error('service and raw SQL disagree');

  const random = seededRandom(11);
  const service: number[] = [];
  const raw: number[] = [];
  let cellsReturned = 0;
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const box = randomBox(random);
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
  const box = randomBox(random);
  const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${RAW_COVERAGE}`, params(box))).rows
    .map((row) => row['QUERY PLAN'])
    .join('\n');
  await app.close();
  await db.end();

  const figures = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) });
  const result = {
    benchmark: 'coverage',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, postgres: rows.postgres },
    data: { ...rows.counts, areaKm: 2 * HALF_SIZE_KM, boxKm: BOX_KM, policy: policy.profile },
    loadSeconds: load,
    iterations: ITERATIONS,
    warmup: WARMUP,
    cityCoverage: {
      serviceMs: figures(service),
      rawMs: figures(raw),
      ratioP50: round(percentile(service, 50) / percentile(raw, 50)),
      ratioP95: round(percentile(service, 95) / percentile(raw, 95)),
      averageCellsReturned: Math.round(cellsReturned / (ITERATIONS + WARMUP)),
      target: 'service p95 < 50 ms',
    },
    explain: plan,
  };
  writeResults(RESULTS, result);
  process.stdout.write(`${JSON.stringify(result.cityCoverage, null, 2)}\nwritten to ${RESULTS}\n`);
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
