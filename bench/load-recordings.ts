import type pg from 'pg';
import { CAMERAS } from './load-cameras.js';
import { inSeconds, timeMs } from './stats.js';

export const RECORDINGS_PER_CAMERA = 10;
const DAYS = 30;
/** Cameras per statement: 16 statements of ~625,000 recordings, so progress shows. */
const CHUNKS = 16;

export interface RecordingLoadSeconds {
  recordings: number;
  indexes: number;
  vacuumAnalyze: number;
  total: number;
}

/**
 * Ten clips per camera at random times over the last 30 days, generated in SQL (COPY is not
 * available). Clips are mostly short motion clips, up to the one-hour maximum. The secondary
 * indexes and foreign keys are dropped first and rebuilt once from their own definitions
 * (read from the catalogue, so they are exactly the migrations'), which is faster than
 * maintaining them row by row. One transaction, so a failed load never leaves them dropped.
 */
export async function loadRecordings(db: pg.Pool): Promise<RecordingLoadSeconds> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('TRUNCATE recording CASCADE');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    const { rows: rebuild } = await client.query<{ drop: string; create: string }>(
      `SELECT format('DROP INDEX %I', indexname) AS drop, indexdef AS create
       FROM pg_indexes WHERE tablename = 'recording' AND indexname <> 'recording_pkey'
       UNION ALL
       SELECT format('ALTER TABLE recording DROP CONSTRAINT %I', conname),
              format('ALTER TABLE recording ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
       FROM pg_constraint WHERE conrelid = 'recording'::regclass AND contype = 'f'`,
    );
    for (const { drop } of rebuild) await client.query(drop);
    const recordingsMs = await timeMs(async () => {
      for (let chunk = 0; chunk < CHUNKS; chunk++) {
        await client.query(
          `INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at, owner_retention_days)
           SELECT camera.id, clip.started_at, clip.started_at + clip.length, clip.trigger, clip.started_at + clip.length,
                  setting.retention_days
           FROM camera
           LEFT JOIN privacy_setting AS setting ON setting.user_id = camera.owner_id
           CROSS JOIN generate_series(1, $2::int) AS n
           CROSS JOIN LATERAL (
             SELECT now() - interval '1 hour' - random() * make_interval(days => $3::int) AS started_at,
                    make_interval(secs => 10 + 3590 * random() ^ 4) AS length,
                    (ARRAY['motion', 'motion', 'motion', 'motion', 'motion', 'motion', 'ring', 'live'])[1 + floor(random() * 8)::int] AS trigger
             WHERE n > 0 -- refers to n, so random() is drawn per clip, not once per statement
           ) AS clip
           WHERE get_byte(uuid_send(camera.id), 0) % $4::int = $1::int`,
          [chunk, RECORDINGS_PER_CAMERA, DAYS, CHUNKS],
        );
        process.stdout.write(`  recordings: ${chunk + 1}/${CHUNKS}\n`);
      }
    });
    const indexesMs = await timeMs(async () => {
      for (const { create } of rebuild) await client.query(create);
      await client.query('COMMIT');
    });
    const vacuumMs = await timeMs(() => client.query('VACUUM ANALYZE recording'));
    return inSeconds({ recordings: recordingsMs, indexes: indexesMs, vacuumAnalyze: vacuumMs });
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Loads the recordings unless all of them are there; answers the load's times, or null if none ran. */
export async function ensureRecordings(db: pg.Pool): Promise<RecordingLoadSeconds | null> {
  const recordings = Number((await db.query('SELECT count(*) AS n FROM recording')).rows[0].n);
  if (recordings === CAMERAS * RECORDINGS_PER_CAMERA) return null;
  process.stdout.write(`loading ${(CAMERAS * RECORDINGS_PER_CAMERA).toLocaleString()} recordings…\n`);
  const load = await loadRecordings(db);
  process.stdout.write(`loaded: ${JSON.stringify(load)} s\n`);
  return load;
}
