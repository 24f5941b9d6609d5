import { randomUUID } from 'node:crypto';
import { cellOf } from '@app/geo';
import type pg from 'pg';
import { CENTER, kmPerDegreeLng } from './load-cameras.js';
import { inSeconds, seededRandom, timeMs } from './stats.js';

/** Residents, each with one camera in the circle and one recording in the window. */
export const FANOUT_OWNERS = 100_000;
/** The request's circle: π × 642² m² = 1,294,845 m², just under ring-2019's 0.5 sq mi. */
export const FANOUT_RADIUS_METERS = 642;
/**
 * Cameras are placed within this radius (uniform over the disc): the flat-earth offsets below are
 * off by ~0.3% at Denver, so a 42 m margin keeps every camera inside the geodesic 642 m circle.
 */
const PLACEMENT_RADIUS_METERS = 600;
const CAMERA_BATCH = 10_000;
const EMAIL_DOMAIN = 'fanout.bench.local';
export const FANOUT_AGENCY = 'Bench Fan-out Police';

const KM_PER_DEGREE_LAT = 111.32;
export const FANOUT_CENTER = CENTER;

export interface FanoutLoadSeconds {
  owners: number;
  cameras: number;
  vacuumAnalyze: number;
  total: number;
}

/**
 * Loads the owners and their cameras unless all are there (then null). They are the whole
 * `porchlight_bench_fanout` database: no other benchmark's data is touched.
 */
export async function ensureFanoutOwners(db: pg.Pool): Promise<FanoutLoadSeconds | null> {
  const { rows } = await db.query<{ owners: string; cameras: string; inside: string }>(
    `SELECT (SELECT count(*) FROM app_user WHERE role = 'resident') AS owners,
            (SELECT count(*) FROM camera) AS cameras,
            (SELECT count(*) FROM camera
              WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3)) AS inside`,
    [FANOUT_CENTER.lng, FANOUT_CENTER.lat, FANOUT_RADIUS_METERS],
  );
  const present = rows[0]!;
  if ([present.owners, present.cameras, present.inside].every((n) => Number(n) === FANOUT_OWNERS)) return null;

  const database = (await db.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
  process.stdout.write(`loading ${FANOUT_OWNERS.toLocaleString()} owners and cameras into ${database}…\n`);
  await db.query('TRUNCATE camera, privacy_setting, app_user, footage_request, notification, outbox_event, processed_event CASCADE');
  const ownersMs = await timeMs(() =>
    db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, created_at)
       SELECT 'owner' || g || '@${EMAIL_DOMAIN}', 'Fan-out owner ' || g, 'resident', 'not-a-login', now()
       FROM generate_series(1, $1::int) AS g`,
      [FANOUT_OWNERS],
    ),
  );
  const camerasMs = await timeMs(() => insertCameras(db));
  const vacuumMs = await timeMs(() => db.query('VACUUM ANALYZE app_user, camera'));
  const inside = Number(
    (
      await db.query(
        `SELECT count(*) AS n FROM camera WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3)`,
        [FANOUT_CENTER.lng, FANOUT_CENTER.lat, FANOUT_RADIUS_METERS],
      )
    ).rows[0].n,
  );
  if (inside !== FANOUT_OWNERS) throw new Error(`only ${inside} of ${FANOUT_OWNERS} cameras lie inside the circle`);
  return inSeconds({ owners: ownersMs, cameras: camerasMs, vacuumAnalyze: vacuumMs });
}

/**
 * One camera per owner, uniform over the disc; `h3_r9` from `cellOf` as the api computes it;
 * owners never chose (owner_police_requests NULL, no privacy_setting row), no end-to-end encryption.
 */
async function insertCameras(db: pg.Pool): Promise<void> {
  const owners: string[] = (await db.query(`SELECT id FROM app_user WHERE role = 'resident' ORDER BY id`)).rows.map((row) => row.id);
  const random = seededRandom(11);
  for (let done = 0; done < owners.length; done += CAMERA_BATCH) {
    const batch = owners.slice(done, done + CAMERA_BATCH).map((owner) => {
      const r = (PLACEMENT_RADIUS_METERS / 1000) * Math.sqrt(random());
      const theta = random() * 2 * Math.PI;
      const point = {
        lat: FANOUT_CENTER.lat + (r * Math.sin(theta)) / KM_PER_DEGREE_LAT,
        lng: FANOUT_CENTER.lng + (r * Math.cos(theta)) / kmPerDegreeLng,
      };
      return { id: randomUUID(), owner, point, cell: cellOf(point) };
    });
    await db.query(
      `INSERT INTO camera (id, owner_id, label, location, h3_r9, owner_police_requests, owner_e2ee, created_at)
       SELECT t.id, t.owner_id, 'Fan-out camera', ST_SetSRID(ST_MakePoint(t.lng, t.lat), 4326)::geography, t.h3_r9, NULL, false, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[], $5::text[]) AS t (id, owner_id, lng, lat, h3_r9)`,
      [batch.map((c) => c.id), batch.map((c) => c.owner), batch.map((c) => c.point.lng), batch.map((c) => c.point.lat), batch.map((c) => c.cell)],
    );
  }
}

export interface FanoutWindow {
  start: Date;
  end: Date;
}

/**
 * Every run starts from the same state: earlier runs' requests (with their recipients, offers),
 * inbox rows and outbox events are dropped, and the recordings are made afresh — one per camera,
 * 1–60 min, all overlapping an 11-hour window that ends a minute ago (so the window is always
 * within ring-2019's 45-day lookback, and the worker's retention purge never finds them old).
 */
export async function resetFanoutRun(db: pg.Pool): Promise<{ window: FanoutWindow; seconds: number }> {
  const start = process.hrtime.bigint();
  const now = Date.now();
  const window = { start: new Date(now - 60_000 - 11 * 3_600_000), end: new Date(now - 60_000) };
  await db.query('TRUNCATE footage_request, notification, outbox_event, processed_event, recording CASCADE');
  await db.query(
    `INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at)
     SELECT id, s, s + (1 + floor(random() * 60)) * interval '1 minute', 'motion', now()
     FROM (SELECT id, $1::timestamptz + random() * ($2::timestamptz - $1::timestamptz - interval '1 hour') AS s FROM camera) AS c`,
    [window.start, window.end],
  );
  await db.query('VACUUM ANALYZE recording, footage_request, request_recipient, request_offer, notification, outbox_event');
  return { window, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** An agency whose jurisdiction is a 6 × 6 km square around the circle, and one officer of it. */
export async function ensureFanoutOfficer(db: pg.Pool): Promise<{ id: string; email: string; agencyId: string }> {
  const corner = (eastKm: number, northKm: number) =>
    `${FANOUT_CENTER.lng + eastKm / kmPerDegreeLng} ${FANOUT_CENTER.lat + northKm / KM_PER_DEGREE_LAT}`;
  const ring = [corner(-3, -3), corner(3, -3), corner(3, 3), corner(-3, 3), corner(-3, -3)];
  const agencyId: string =
    (await db.query('SELECT id FROM agency WHERE name = $1', [FANOUT_AGENCY])).rows[0]?.id ??
    (
      await db.query(
        `INSERT INTO agency (name, kind, city, state, zip, jurisdiction, partner_since)
         VALUES ($1, 'police', 'Denver', 'CO', '80202', ST_GeogFromText($2), '2019-08-28') RETURNING id`,
        [FANOUT_AGENCY, `MULTIPOLYGON(((${ring.join(', ')})))`],
      )
    ).rows[0].id;
  const officer: { id: string; email: string } =
    (await db.query(`SELECT id, email FROM app_user WHERE agency_id = $1 AND role = 'officer'`, [agencyId])).rows[0] ??
    (
      await db.query(
        `INSERT INTO app_user (email, display_name, role, agency_id, password_hash)
         VALUES ('officer@${EMAIL_DOMAIN}', 'Fan-out Officer', 'officer', $1, 'not-a-login') RETURNING id, email`,
        [agencyId],
      )
    ).rows[0];
  return { ...officer, agencyId };
}
