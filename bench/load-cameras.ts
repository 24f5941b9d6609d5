import { randomUUID } from 'node:crypto';
import { cellOf, type Bbox } from '@app/geo';
import type pg from 'pg';
import { inSeconds, seededRandom, timeMs } from './stats.js';

export const CENTER = { lat: 39.7392, lng: -104.9903 };
export const HALF_SIZE_KM = 30;
const KM_PER_DEGREE_LAT = 111.32;
export const kmPerDegreeLng = KM_PER_DEGREE_LAT * Math.cos((CENTER.lat * Math.PI) / 180);
export const toLatLng = (eastKm: number, northKm: number) => ({
  lat: CENTER.lat + northKm / KM_PER_DEGREE_LAT,
  lng: CENTER.lng + eastKm / kmPerDegreeLng,
});

/** A random `boxKm` × `boxKm` box inside the bench city (same sequence for the same `random`). */
export function randomBox(random: () => number, boxKm: number): Bbox {
  const east = (random() * 2 - 1) * (HALF_SIZE_KM - boxKm);
  const north = (random() * 2 - 1) * (HALF_SIZE_KM - boxKm);
  const sw = toLatLng(east, north);
  const ne = toLatLng(east + boxKm, north + boxKm);
  return { minLng: sw.lng, minLat: sw.lat, maxLng: ne.lng, maxLat: ne.lat };
}

const BATCH = 5_000;
export const CAMERAS = 1_000_000;
const OWNERS = 400_000;

/**
 * Loads the cameras unless all are there (then null: nothing was timed). Loading empties the
 * users and everything that hangs off them (recordings, requests) first.
 */
export async function ensureCameras(db: pg.Pool): Promise<LoadSeconds | null> {
  const present = Number((await db.query('SELECT count(*) AS n FROM camera')).rows[0].n);
  if (present === CAMERAS) return null;
  process.stdout.write(`loading ${CAMERAS.toLocaleString()} cameras into porchlight_bench…\n`);
  await db.query('TRUNCATE camera, privacy_setting, app_user CASCADE');
  const load = await loadCameras(db, CAMERAS, OWNERS);
  process.stdout.write(`loaded: ${JSON.stringify(load)} s\n`);
  return load;
}

/**
 * 1,000,000 cameras over 60 × 60 km owned by 400,000 residents with a realistic mix of privacy
 * choices. Owners and settings are made in SQL; cameras in Node because their H3 cell is
 * computed there (as the api does), sent in batches through unnest, each with the copy of its
 * owner's choices that the api keeps on cameras.
 */
async function loadCameras(db: pg.Pool, cameras: number, owners: number): Promise<LoadSeconds> {
  const ownersMs = await timeMs(() => loadOwners(db, owners));
  const camerasMs = await timeMs(() => insertCameras(db, cameras));
  // Physical order by location halves the coverage query (PERFORMANCE.md); VACUUM sets the
  // visibility map CLUSTER leaves empty, so index-only scans are possible.
  const clusterMs = await timeMs(() => db.query('CLUSTER camera USING camera_location_geometry_gist'));
  const vacuumMs = await timeMs(() => db.query('VACUUM ANALYZE app_user, privacy_setting, camera'));
  return inSeconds({ ownersAndSettings: ownersMs, cameras: camerasMs, cluster: clusterMs, vacuumAnalyze: vacuumMs });
}

export interface LoadSeconds {
  ownersAndSettings: number;
  /** Inserted with every migration index in place. */
  cameras: number;
  cluster: number;
  vacuumAnalyze: number;
  total: number;
}

async function loadOwners(db: pg.Pool, owners: number): Promise<void> {
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO app_user (email, display_name, role, password_hash, created_at)
     SELECT 'bench' || g || '@bench.local', 'Bench ' || g, 'resident', 'not-a-login', now()
     FROM generate_series(1, $1::int) AS g`,
    [owners],
  );
  // 60% never chose (no row), 25% receive, 10% block, 5% receive but encrypt end to end.
  await db.query(
    `INSERT INTO privacy_setting (user_id, police_requests, end_to_end_encryption, updated_at)
     SELECT id, CASE WHEN r < 0.25 THEN 'receive' WHEN r < 0.35 THEN 'block' ELSE 'receive' END, r >= 0.35, now()
     FROM (SELECT id, random() AS r FROM app_user) AS u WHERE r < 0.40`,
  );
}

async function insertCameras(db: pg.Pool, cameras: number): Promise<void> {
  const ownerIds: string[] = (await db.query('SELECT id FROM app_user ORDER BY id')).rows.map((row) => row.id);
  const random = seededRandom(7);
  for (let done = 0; done < cameras; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, cameras - done) }, () => {
      const point = toLatLng((random() * 2 - 1) * HALF_SIZE_KM, (random() * 2 - 1) * HALF_SIZE_KM);
      return { id: randomUUID(), owner: ownerIds[Math.floor(random() * ownerIds.length)]!, point, cell: cellOf(point) };
    });
    await db.query(
      `INSERT INTO camera (id, owner_id, label, location, h3_r9, owner_police_requests, owner_e2ee, created_at)
       SELECT t.id, t.owner_id, 'Bench camera', ST_SetSRID(ST_MakePoint(t.lng, t.lat), 4326)::geography, t.h3_r9,
              setting.police_requests, COALESCE(setting.end_to_end_encryption, false), now()
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[], $5::text[]) AS t (id, owner_id, lng, lat, h3_r9)
       LEFT JOIN privacy_setting AS setting ON setting.user_id = t.owner_id`,
      [rows.map((r) => r.id), rows.map((r) => r.owner), rows.map((r) => r.point.lng), rows.map((r) => r.point.lat), rows.map((r) => r.cell)],
    );
  }
}
