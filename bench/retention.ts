import { cpus } from 'node:os';
import { CamerasModule, RetentionService } from '@app/cameras';
import { Clock } from '@app/clock';
import { PolicyService } from '@app/policy';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
// Not on the lib's public surface: the raw side sends the repository's own statement through pg.
import { RecordingsRepository } from '../libs/cameras/src/recordings.repository.js';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { ensureCameras } from './load-cameras.js';
import { ensureRecordings } from './load-recordings.js';
import { writeResults } from './results-file.js';
import { captureStatement, explain, inRolledBack, viaPg } from './statements.js';
import { compare, figures, timeMs } from './stats.js';

const ITERATIONS = 200;
const WARMUP = 20;
const NAIVE_ROUNDS = 3;
const RESULTS = 'bench/results/retention.json';

/**
 * The purge as it was until 2026-12-01, for reference: every recording joined to its camera and
 * its owner's settings, because the owner's retention lived only there. In a rolled-back
 * transaction, like everything here that could delete.
 */
const NAIVE_PURGE = `WITH purged AS (
    DELETE FROM recording
    USING camera LEFT JOIN privacy_setting ON privacy_setting.user_id = camera.owner_id
    WHERE recording.camera_id = camera.id
      AND recording.ended_at < $1::timestamptz - make_interval(days => COALESCE(privacy_setting.retention_days, $2::int))
    RETURNING camera.owner_id
  )
  SELECT count(*)::int AS count FROM purged`;

/**
 * The retention purge on a clock tick with nothing due, over the 1M cameras and 10M recordings of
 * `porchlight_bench` (clips of the last 30 days; ring-2019's 60-day default; no owner chose a
 * retention): what a deployment pays every CLOCK_TICK_SECONDS. Service = RetentionService.purgeDue
 * (transaction, policy read, statement); raw = RecordingsRepository's own statement sent with pg.
 */
export async function run(): Promise<void> {
  const url = await benchDatabaseUrl();
  const db = new pg.Pool({ connectionString: url, max: 2 });
  await ensureCameras(db);
  await ensureRecordings(db);

  const app = await benchApp(url, [CamerasModule]);
  const retention = app.get(RetentionService);
  const defaultDays = (await app.get(PolicyService).active()).defaultRetentionDays;
  const now = await app.get(Clock).now();
  const repository = new RecordingsRepository(undefined as never);
  const raw = viaPg(db) as unknown as EntityManager;

  // Purging anything would eat the benchmarks' data: only a tick with nothing due is timed.
  const first = await retention.purgeDue(now);
  if (first.length > 0) throw new Error(`the purge deleted recordings of ${first.length} owners: the bench data is not as loaded`);

  const serviceMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const s = await timeMs(() => retention.purgeDue(now));
    const r = await timeMs(() => repository.purgeExpired(raw, now, defaultDays));
    if (i >= WARMUP) {
      serviceMs.push(s);
      rawMs.push(r);
    }
  }
  const purge = await captureStatement((m) => repository.purgeExpired(m, now, defaultDays));
  const naive = await inRolledBack(db, async (client) => {
    const ms: number[] = [];
    for (let round = 0; round < NAIVE_ROUNDS; round++) ms.push(await timeMs(() => client.query(NAIVE_PURGE, [now, defaultDays])));
    return ms;
  });
  const plan = await inRolledBack(db, (client) => explain(viaPg(client), purge));
  await app.close();
  const [{ recordings }] = (await db.query<{ recordings: string }>('SELECT count(*) AS recordings FROM recording')).rows;
  await db.end();

  const result = {
    benchmark: 'retention',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model },
    data: { recordings: Number(recordings), defaultRetentionDays: defaultDays, due: 0 },
    iterations: ITERATIONS,
    warmup: WARMUP,
    idleTick: {
      ...compare(serviceMs, rawMs),
      service: 'RetentionService.purgeDue: transaction, active policy, purge statement (nothing due)',
      raw: "RecordingsRepository.purgeExpired's statement with pg",
    },
    naiveReference: {
      ms: figures(naive),
      rounds: NAIVE_ROUNDS,
      what: 'the purge before 2026-12-01 (every recording joined to camera and settings), rolled back',
    },
    explain: plan,
  };
  writeResults(RESULTS, result);
  process.stdout.write(`${JSON.stringify({ idleTick: result.idleTick, naiveReference: result.naiveReference }, null, 2)}\nwritten to ${RESULTS}\n`);
}
