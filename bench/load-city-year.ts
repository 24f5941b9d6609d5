import { CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_WITHDRAWN, FOOTAGE_VIEWED, STAFF_VIEWED } from '@app/consent';
import { OVERRIDE_APPROVED, OVERRIDE_REFUSED, OVERRIDE_REQUESTED } from '@app/overrides';
import { REQUEST_CREATED, REQUEST_EXPIRED } from '@app/requests';
import type pg from 'pg';
import { inSeconds, timeMs } from './stats.js';

/** The report's year; the data starts a month earlier, so the period really filters. */
export const YEAR = { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const DAYS_LOADED = 395;

export const CITY = {
  agencies: 2_000,
  residents: 250_000,
  /** Over the 395 days loaded: ~25,300 in the year. */
  requests: 27_500,
  /** Owners asked per request: 10 to 80 (mean 45) → ~1.24M recipients loaded. */
  minAsked: 10,
  askedSpread: 71,
  overrides: 900,
  staffViews: 2_400,
};

export interface CityLoadSeconds {
  agenciesAndUsers: number;
  requests: number;
  recipients: number;
  consents: number;
  overrides: number;
  auditLog: number;
  vacuumAnalyze: number;
  total: number;
}

/**
 * Loads the city unless it is there (then null: nothing was timed). The load is one transaction,
 * so a broken one leaves nothing behind; its database holds nothing else, so it starts empty.
 */
export async function ensureCityYear(db: pg.Pool): Promise<CityLoadSeconds | null> {
  const present = Number((await db.query('SELECT count(*) AS n FROM footage_request')).rows[0].n);
  if (present === CITY.requests) return null;
  process.stdout.write(`loading a year of a city (${CITY.requests.toLocaleString()} requests)…\n`);
  const load = await loadCityYear(db);
  process.stdout.write(`loaded: ${JSON.stringify(load)} s\n`);
  return load;
}

// Deterministic ids, so each table's generator can point at another's rows by number.
const id = (kind: string, n: string) => `md5('bench-${kind}-' || ${n})::uuid`;
const hex64 = (n: string) => `md5(${n}::text) || md5('x' || ${n}::text)`;
const YEAR_END = `'${YEAR.to.toISOString()}'::timestamptz`;

/**
 * Everything in SQL from generate_series and a fixed seed: agencies of skewed sizes (a few big
 * city departments, many small ones), requests spread over 13 months, the owners each asked, their
 * answers (about 12% answer; two thirds of those share, one in twelve shares later withdrawn),
 * warrant and emergency overrides with the owners they reached, and the audit log those make.
 */
async function loadCityYear(pool: pg.Pool): Promise<CityLoadSeconds> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SET LOCAL porchlight.allow_truncate = on`);
    await db.query('TRUNCATE audit_event, agency, app_user CASCADE');
    await db.query('SELECT setseed(0.14)');
    const agenciesAndUsers = await timeMs(() => loadAgenciesAndUsers(db));
    const requests = await timeMs(() => loadRequests(db));
    const recipients = await timeMs(() => loadRecipients(db));
    const consents = await timeMs(() => loadConsents(db));
    const overrides = await timeMs(() => loadOverrides(db));
    const auditLog = await timeMs(() => loadAuditLog(db));
    await db.query('COMMIT');
    const vacuumAnalyze = await timeMs(() => db.query('VACUUM ANALYZE'));
    return inSeconds({ agenciesAndUsers, requests, recipients, consents, overrides, auditLog, vacuumAnalyze });
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    db.release();
  }
}

async function loadAgenciesAndUsers(db: pg.PoolClient): Promise<void> {
  await db.query(
    `INSERT INTO agency (id, name, kind, city, state, zip, jurisdiction, partner_since)
     SELECT ${id('agency', 'g')}, 'Bench Agency ' || lpad(g::text, 4, '0'),
            CASE WHEN g % 20 = 0 THEN 'fire' WHEN g % 7 = 0 THEN 'sheriff' ELSE 'police' END,
            'Bench City', 'CO', (80000 + g)::text,
            ST_Multi(ST_MakeEnvelope(-105 + (g % 50) * 0.1, 39 + (g / 50) * 0.1, -104.95 + (g % 50) * 0.1, 39.05 + (g / 50) * 0.1, 4326))::geography,
            date '2019-01-01' + g
     FROM generate_series(1, $1::int) AS g`,
    [CITY.agencies],
  );
  await db.query(
    `INSERT INTO app_user (id, email, display_name, role, agency_id, password_hash)
     SELECT ${id('officer', 'g')}, 'officer' || g || '@bench.local', 'Officer ' || g, 'officer', ${id('agency', 'g')}, 'not-a-login'
     FROM generate_series(1, $1::int) AS g
     UNION ALL
     SELECT ${id('owner', 'g')}, 'owner' || g || '@bench.local', 'Owner ' || g, 'resident', NULL, 'not-a-login'
     FROM generate_series(1, $2::int) AS g`,
    [CITY.agencies, CITY.residents],
  );
}

/** Agency n is chosen with weight falling like 1/√n: the first agencies are the big departments. */
async function loadRequests(db: pg.PoolClient): Promise<void> {
  await db.query(
    `INSERT INTO footage_request (id, agency_id, officer_id, case_number, incident_type, description, window_start, window_end,
       area, area_radius_meters, area_square_meters, status, policy_profile, delivery,
       excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, expires_at, created_at, closed_at)
     SELECT ${id('request', 'g')}, ${id('agency', 'a')}, ${id('officer', 'a')}, 'BENCH-' || g, 'burglary', 'Package stolen from a porch',
            created_at - interval '36 hours', created_at - interval '24 hours',
            ST_SetSRID(ST_MakePoint(-104.99 + random() * 0.5, 39.74 + random() * 0.5), 4326)::geography, 642, pi() * 642 ^ 2,
            CASE WHEN created_at + interval '7 days' > ${YEAR_END} THEN 'open' WHEN ended < 0.4 THEN 'expired' ELSE 'closed' END,
            'ring-2019', 'private',
            floor(random() * 40)::int, floor(random() * 12)::int, floor(random() * 5)::int, 0,
            created_at + interval '7 days', created_at,
            CASE WHEN created_at + interval '7 days' > ${YEAR_END} THEN NULL
                 WHEN ended < 0.4 THEN created_at + interval '7 days'
                 ELSE created_at + random() * interval '7 days' END
     FROM (SELECT g, 1 + floor($2::int * random() ^ 2)::int AS a, random() AS ended,
                  ${YEAR_END} - random() * interval '${DAYS_LOADED} days' AS created_at
           FROM generate_series(1, $1::int) AS g) AS r`,
    [CITY.requests, CITY.agencies],
  );
}

/**
 * Request g asks owners (g·7919 + k·104729) mod residents for k = 1…n: distinct within a request
 * (104729 is prime to 250,000) and spread over the city. About 12% answer, within the week.
 */
async function loadRecipients(db: pg.PoolClient): Promise<void> {
  await db.query(
    `INSERT INTO request_recipient (request_id, owner_id, pseudonym_number, consent_state, decided_at)
     SELECT r.id, ${id('owner', `((r.g::bigint * 7919 + k::bigint * 104729) % $1::int + 1)`)}, k,
            CASE WHEN u < 0.075 THEN 'given' WHEN u < 0.082 THEN 'withdrawn' WHEN u < 0.12 THEN 'refused'
                 WHEN r.status = 'open' THEN 'requested' ELSE 'expired' END,
            CASE WHEN u < 0.12 THEN r.created_at + u * 50 * interval '1 day'
                 WHEN r.status = 'open' THEN NULL ELSE r.expires_at END
     FROM (SELECT id, substr(case_number, 7)::int AS g, status, created_at, expires_at FROM footage_request) AS r
     CROSS JOIN LATERAL generate_series(1, $2::int + (r.g * 37) % $3::int) AS k
     CROSS JOIN LATERAL (SELECT random() + k * 0 AS u) AS draw`,
    [CITY.residents, CITY.minAsked, CITY.askedSpread],
  );
  // What RequestsRepository.match writes on the request when it asks them.
  await db.query(
    `UPDATE footage_request SET owners_asked = asked.count
     FROM (SELECT request_id, count(*)::int AS count FROM request_recipient GROUP BY request_id) AS asked
     WHERE asked.request_id = footage_request.id`,
  );
}

/** A consent per answer; a withdrawn share was given up to two days before its withdrawal. */
async function loadConsents(db: pg.PoolClient): Promise<void> {
  await db.query(
    `INSERT INTO consent (id, request_id, owner_id, decision, identity_disclosed, retention_days, receipt, hash, created_at, withdrawn_at)
     SELECT gen_random_uuid(), request_id, owner_id, CASE WHEN consent_state = 'refused' THEN 'decline' ELSE 'share' END,
            consent_state <> 'refused' AND random() < 0.25, 30, '{"bench": true}'::jsonb, ${hex64('pseudonym_number')},
            CASE WHEN consent_state = 'withdrawn' THEN decided_at - random() * interval '2 days' ELSE decided_at END,
            CASE WHEN consent_state = 'withdrawn' THEN decided_at END
     FROM request_recipient WHERE consent_state IN ('given', 'withdrawn', 'refused')`,
  );
}

/**
 * Overrides on every 30th request or so: a third warrants (always reported), the rest emergencies
 * reported about half the time (the policy in force differed); 60% approved, 15% refused, the rest
 * pending. Approved ones reached 5 to 40 owners.
 */
async function loadOverrides(db: pg.PoolClient): Promise<void> {
  await db.query(
    `INSERT INTO disclosure_override (id, request_id, agency_id, officer_id, basis, justification, warrant_reference, status,
       excluded_encrypted, reported_when_requested, created_at, decided_by, decided_at, decision_reason, warrant_checked,
       shown_as, in_transparency_report)
     SELECT ${id('override', 'o')}, r.id, r.agency_id, r.officer_id, d.basis, 'Imminent danger',
            CASE WHEN d.basis = 'warrant' THEN 'W-' || o END, d.status, floor(random() * 3)::int, d.reported,
            r.created_at + interval '1 hour',
            CASE WHEN d.status <> 'pending' THEN 'moderator' END,
            CASE WHEN d.status <> 'pending' THEN r.created_at + interval '5 hours' END,
            CASE WHEN d.status <> 'pending' THEN 'Checked' END,
            CASE WHEN d.status <> 'pending' AND d.basis = 'warrant' THEN true END,
            CASE WHEN d.status = 'approved' THEN (CASE WHEN random() < 0.5 THEN 'identity' ELSE 'pseudonym' END) END,
            CASE WHEN d.status <> 'pending' THEN d.reported END
     FROM (SELECT o, CASE WHEN o % 3 = 0 THEN 'warrant' ELSE 'emergency' END AS basis,
                  CASE WHEN o % 20 < 12 THEN 'approved' WHEN o % 20 < 15 THEN 'refused' ELSE 'pending' END AS status,
                  o % 3 = 0 OR random() < 0.5 AS reported
           FROM generate_series(1, $1::int) AS o) AS d
     JOIN footage_request r ON r.case_number = 'BENCH-' || (1 + (d.o * 31) % $2::int)`,
    [CITY.overrides, CITY.requests],
  );
  await db.query(
    `INSERT INTO override_owner (override_id, owner_id, pseudonym_number)
     SELECT o.id, ${id('owner', `((o.n::bigint * 6007 + k::bigint * 104729) % $1::int + 1)`)}, k
     FROM (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM disclosure_override WHERE status = 'approved') AS o
     CROSS JOIN LATERAL generate_series(1, 5 + o.n % 36) AS k`,
    [CITY.residents],
  );
}

/**
 * The audit entries the year's activity wrote, in time order: each request made and expired, each
 * answer and withdrawal, about two views of each share, each override and decision, and staff
 * opening recordings. The hashes only have the right shape: the chain is not what is measured.
 */
async function loadAuditLog(db: pg.PoolClient): Promise<void> {
  await db.query(
    `INSERT INTO audit_event (seq, at, actor, action, subject, data, prev_hash, hash)
     SELECT row_number() OVER (ORDER BY at), at, actor, action, subject, '{}'::jsonb, ${hex64('at')}, ${hex64('subject')}
     FROM (
       SELECT date_trunc('milliseconds', created_at) AS at, 'user:' || officer_id AS actor, '${REQUEST_CREATED}' AS action, 'request:' || id AS subject
       FROM footage_request
       UNION ALL
       SELECT date_trunc('milliseconds', closed_at), 'system', '${REQUEST_EXPIRED}', 'request:' || id FROM footage_request WHERE status = 'expired'
       UNION ALL
       SELECT date_trunc('milliseconds', created_at), 'user:' || owner_id,
              CASE WHEN decision = 'share' THEN '${CONSENT_GIVEN}' ELSE '${CONSENT_REFUSED}' END, 'request:' || request_id
       FROM consent
       UNION ALL
       SELECT date_trunc('milliseconds', withdrawn_at), 'user:' || owner_id, '${CONSENT_WITHDRAWN}', 'request:' || request_id
       FROM consent WHERE withdrawn_at IS NOT NULL
       UNION ALL
       SELECT date_trunc('milliseconds', created_at + view * interval '3 hours'), 'officer', '${FOOTAGE_VIEWED}', 'request:' || request_id
       FROM consent CROSS JOIN generate_series(1, 2) AS view WHERE decision = 'share'
       UNION ALL
       SELECT date_trunc('milliseconds', created_at), 'user:' || officer_id, '${OVERRIDE_REQUESTED}', 'override:' || id FROM disclosure_override
       UNION ALL
       SELECT date_trunc('milliseconds', decided_at), 'moderator',
              CASE WHEN status = 'approved' THEN '${OVERRIDE_APPROVED}' ELSE '${OVERRIDE_REFUSED}' END, 'override:' || id
       FROM disclosure_override WHERE decided_at IS NOT NULL
       UNION ALL
       SELECT date_trunc('milliseconds', ${YEAR_END} - random() * interval '${DAYS_LOADED} days'), 'staff', '${STAFF_VIEWED}', 'recording:' || g
       FROM generate_series(1, $1::int) AS g
     ) AS entries`,
    [CITY.staffViews],
  );
}
