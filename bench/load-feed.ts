import { randomUUID } from 'node:crypto';
import { POST_CATEGORIES } from '@app/feed';
import { cellOf } from '@app/geo';
import type pg from 'pg';
import { HALF_SIZE_KM, toLatLng } from './load-cameras.js';
import { inSeconds, seededRandom, timeMs } from './stats.js';

export const POSTS = 1_000_000;
const RESIDENTS = 100_000;
const AGENCIES = 50;
const BATCH = 5_000;
/** Posts span the 60 days before this instant; the heat map reads the last 30. */
export const FEED_NOW = new Date('2026-12-01T00:00:00Z');
export const FEED_DAYS = 60;

export interface FeedLoadSeconds {
  users: number;
  posts: number;
  vacuumAnalyze: number;
  total: number;
}

/** Loads the posts unless they are all there (then null: nothing was timed); its database holds nothing else. */
export async function ensurePosts(db: pg.Pool): Promise<FeedLoadSeconds | null> {
  const present = Number((await db.query('SELECT count(*) AS n FROM feed_post')).rows[0].n);
  if (present === POSTS) return null;
  process.stdout.write(`loading ${POSTS.toLocaleString()} feed posts into porchlight_bench_feed…\n`);
  await db.query('TRUNCATE feed_post, app_user, agency CASCADE');
  const users = await timeMs(() => loadUsers(db));
  const posts = await timeMs(() => insertPosts(db));
  const vacuumAnalyze = await timeMs(() => db.query('VACUUM ANALYZE feed_post, feed_thread_member, app_user'));
  const load = inSeconds({ users, posts, vacuumAnalyze });
  process.stdout.write(`loaded: ${JSON.stringify(load)} s\n`);
  return load;
}

async function loadUsers(db: pg.Pool): Promise<void> {
  await db.query(
    `INSERT INTO agency (id, name, kind, city, state, zip, jurisdiction, partner_since)
     SELECT md5('bench-agency-' || g)::uuid, 'Bench Agency ' || g, 'police', 'Bench City', 'CO', (80000 + g)::text,
            ST_Multi(ST_MakeEnvelope(-105.4, 39.4, -104.6, 40.1, 4326))::geography, date '2019-01-01'
     FROM generate_series(1, $1::int) AS g`,
    [AGENCIES],
  );
  await db.query(
    `INSERT INTO app_user (id, email, display_name, role, agency_id, password_hash)
     SELECT md5('bench-officer-' || g)::uuid, 'officer' || g || '@bench.local', 'Officer ' || g, 'officer', md5('bench-agency-' || g)::uuid, 'not-a-login'
     FROM generate_series(1, $1::int) AS g
     UNION ALL
     SELECT md5('bench-resident-' || g)::uuid, 'resident' || g || '@bench.local', 'Resident ' || g, 'resident', NULL, 'not-a-login'
     FROM generate_series(1, $2::int) AS g`,
    [AGENCIES, RESIDENTS],
  );
}

/**
 * A million posts spread uniformly over the 60 × 60 km city and the 60 days before FEED_NOW, with
 * their H3 cells computed in Node as the api does; 2% by agencies, 1% held by the policy's screen.
 * Each resident author is Neighbor #1 of their thread. Batches through unnest, indexes in place.
 */
async function insertPosts(db: pg.Pool): Promise<void> {
  const random = seededRandom(41);
  const residents: string[] = (await db.query(`SELECT id FROM app_user WHERE role = 'resident' ORDER BY id`)).rows.map((row) => row.id);
  const officers: { id: string; agency_id: string }[] = (await db.query(`SELECT id, agency_id FROM app_user WHERE role = 'officer' ORDER BY id`)).rows;
  for (let done = 0; done < POSTS; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, POSTS - done) }, () => {
      const point = toLatLng((random() * 2 - 1) * HALF_SIZE_KM, (random() * 2 - 1) * HALF_SIZE_KM);
      const cell = cellOf(point);
      const byAgency = random() < 0.02;
      const officer = officers[Math.floor(random() * officers.length)]!;
      return {
        id: randomUUID(),
        author: byAgency ? officer.id : residents[Math.floor(random() * residents.length)]!,
        agency: byAgency ? officer.agency_id : null,
        category: POST_CATEGORIES[Math.floor(random() * POST_CATEGORIES.length)]!,
        point,
        cell,
        held: random() < 0.01,
        at: new Date(FEED_NOW.getTime() - random() * FEED_DAYS * 86_400_000),
      };
    });
    await db.query(
      `WITH posted AS (
         INSERT INTO feed_post (id, author_id, agency_id, category, title, body, location, h3_r9, status, held_because, created_at)
         SELECT t.id, t.author, t.agency, t.category, 'Bench post', 'Something happened on our street.',
                ST_SetSRID(ST_MakePoint(t.lng, t.lat), 4326)::geography, t.cell,
                CASE WHEN t.held THEN 'held' ELSE 'published' END, CASE WHEN t.held THEN 'race-only-description' END, t.at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::bool[], $9::timestamptz[])
           AS t (id, author, agency, category, lng, lat, cell, held, at)
         RETURNING id, author_id, agency_id
       )
       INSERT INTO feed_thread_member (post_id, user_id, neighbor_number)
       SELECT id, author_id, 1 FROM posted WHERE agency_id IS NULL`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.author),
        rows.map((r) => r.agency),
        rows.map((r) => r.category),
        rows.map((r) => r.point.lng),
        rows.map((r) => r.point.lat),
        rows.map((r) => r.cell),
        rows.map((r) => r.held),
        rows.map((r) => r.at),
      ],
    );
  }
}
