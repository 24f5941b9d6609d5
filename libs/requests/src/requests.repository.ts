import { MAX_RECORDING_SECONDS } from '@app/cameras';
import type { PagePosition, RowLock } from '@app/database';
import { areaFromStored, isCircleArea, type Area, type Queryable, type StoredArea } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Audience } from './domain/audience.js';
import { reviewOf, type ConsentState, type ExcludedCounts, type ListedStatus, type RequestCounts, type RequestReview, type RequestStatus } from './domain/request.js';

export interface NewRequest {
  agencyId: string;
  officerId: string;
  caseNumber: string;
  incidentType: string;
  description: string;
  windowStart: Date;
  windowEnd: Date;
  area: Area;
  areaSquareMeters: number;
  policyProfile: string;
  delivery: string;
  expiresAt: Date;
  createdAt: Date;
  /** open, or pending-review where the policy asks a moderator first. */
  status: 'open' | 'pending-review';
}

export interface RequestView extends Omit<NewRequest, 'status'> {
  id: string;
  status: RequestStatus;
  closedAt: Date | null;
  counts: RequestCounts;
  review: RequestReview | null;
}

/** The policy's rules a request keeps from when it reached owners (PolicyRules' names). */
export interface OwnerTerms {
  reminderOffsetsSeconds: number[];
  requestNoticeChannels: string[];
  agencySeesUnanswered: boolean;
}

export interface MatchResult extends ExcludedCounts {
  notified: number;
  offered: number;
}

interface RequestRow {
  id: string;
  agency_id: string;
  officer_id: string;
  case_number: string;
  incident_type: string;
  description: string;
  window_start: Date;
  window_end: Date;
  area: StoredArea;
  area_radius_meters: number | null;
  area_square_meters: number;
  status: RequestStatus;
  policy_profile: string;
  delivery: string;
  excluded_no_recordings: number;
  excluded_blocked: number;
  excluded_encrypted: number;
  excluded_opt_in_not_given: number;
  expires_at: Date;
  created_at: Date;
  closed_at: Date | null;
  agency_sees_unanswered: boolean;
  reviewed_at: Date | null;
  review_reason: string | null;
  notified: number;
  shared: number;
  declined: number;
  pending: number;
}

/** A circle is stored as its centre point (with the radius beside it), a polygon as given. */
const storedShape = (area: Area): { geoJson: string; radius: number | null } =>
  isCircleArea(area)
    ? { geoJson: JSON.stringify({ type: 'Point', coordinates: [area.center.lng, area.center.lat] }), radius: area.radiusMeters }
    : { geoJson: JSON.stringify(area), radius: null };

const SELECT_VIEW = `
  SELECT r.id, r.agency_id, r.officer_id, r.case_number, r.incident_type, r.description, r.window_start, r.window_end,
         ST_AsGeoJSON(r.area)::json AS area, r.area_radius_meters, r.area_square_meters, r.status, r.policy_profile,
         r.delivery, r.excluded_no_recordings, r.excluded_blocked, r.excluded_encrypted, r.excluded_opt_in_not_given,
         r.expires_at, r.created_at, r.closed_at, r.agency_sees_unanswered, r.reviewed_at, r.review_reason, c.notified, c.shared, c.declined, c.pending
  FROM footage_request r
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS notified,
           count(*) FILTER (WHERE consent_state = 'given')::int AS shared,
           count(*) FILTER (WHERE consent_state = 'refused')::int AS declined,
           count(*) FILTER (WHERE consent_state = 'requested')::int AS pending
    FROM request_recipient WHERE request_id = r.id
  ) c`;

function toView(row: RequestRow): RequestView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    officerId: row.officer_id,
    caseNumber: row.case_number,
    incidentType: row.incident_type,
    description: row.description,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    area: areaFromStored(row.area, row.area_radius_meters),
    areaSquareMeters: row.area_square_meters,
    status: row.status,
    policyProfile: row.policy_profile,
    delivery: row.delivery,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    review: reviewOf(row.status, row.reviewed_at, row.review_reason),
    // How many were asked and have not answered would count the owners who ignored it.
    counts: {
      notified: row.agency_sees_unanswered ? row.notified : null,
      excluded: {
        noRecordings: row.excluded_no_recordings,
        blocked: row.excluded_blocked,
        encrypted: row.excluded_encrypted,
        optInNotGiven: row.excluded_opt_in_not_given,
      },
      shared: row.shared,
      declined: row.declined,
      pending: row.agency_sees_unanswered ? row.pending : null,
    },
  };
}

@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the area touches the agency's jurisdiction. */
  /** The requesting agency's kind, through agencies' view. */
  async agencyKind(manager: EntityManager, agencyId: string): Promise<string> {
    const [row]: { kind: string }[] = await manager.query('SELECT kind FROM agencies_directory WHERE id = $1', [agencyId]);
    return row!.kind;
  }

  async intersectsJurisdiction(manager: EntityManager, agencyId: string, area: Area): Promise<boolean> {
    const { geoJson, radius } = storedShape(area);
    const rows: { inside: boolean }[] = await manager.query(
      `SELECT CASE WHEN $3::float8 IS NULL THEN ST_Intersects(agency.jurisdiction, given.shape)
                   ELSE ST_DWithin(agency.jurisdiction, given.shape, $3::float8) END AS inside
       FROM agencies_directory agency CROSS JOIN (SELECT ST_GeomFromGeoJSON($2)::geography AS shape) AS given
       WHERE agency.id = $1`,
      [agencyId, geoJson, radius],
    );
    return rows[0]?.inside === true;
  }

  /**
   * Serialises creates of one agency's case number until commit, so that two concurrent
   * requests cannot both see the same open count and both pass the per-case limit.
   */
  async lockCase(manager: EntityManager, agencyId: string, caseNumber: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('footage_request:' || $1 || ':' || $2, 0))`, [
      agencyId,
      caseNumber,
    ]);
  }

  /** Open requests of the case; one past its expiry that the worker has not swept yet is not counted. */
  async countOpenForCase(manager: EntityManager, agencyId: string, caseNumber: string, now: Date): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM footage_request
       WHERE agency_id = $1 AND case_number = $2
         AND (status = 'pending-review' OR (status = 'open' AND expires_at > $3))`,
      [agencyId, caseNumber, now],
    );
    return rows[0]!.count;
  }

  async insert(manager: EntityManager, request: NewRequest): Promise<string> {
    const { geoJson, radius } = storedShape(request.area);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO footage_request (agency_id, officer_id, case_number, incident_type, description, window_start, window_end,
                                    area, area_radius_meters, area_square_meters, policy_profile, delivery, expires_at, created_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ST_GeomFromGeoJSON($8)::geography, $9, $10, $11, $12, $13, $14, $15)
       RETURNING id`,
      [
        request.agencyId,
        request.officerId,
        request.caseNumber,
        request.incidentType,
        request.description,
        request.windowStart,
        request.windowEnd,
        geoJson,
        radius,
        request.areaSquareMeters,
        request.policyProfile,
        request.delivery,
        request.expiresAt,
        request.createdAt,
        request.status,
      ],
    );
    return rows[0]!.id;
  }

  /**
   * Invariant 2's second half in one statement: each receiving camera's recordings overlapping
   * the window (started before its end, ended after its start) are offered, and their owners
   * become the recipients; receivers with none count as no-recordings. Recordings are read
   * through cameras' view cameras_recording (it drops its camera join here, as no camera column
   * is read). Neighbour numbers are 1..N in an order drawn per request (md5 of
   * request and owner id): stable within the request, telling nothing about who signed up first
   * or lives where, and unrelated between requests, so that police cannot follow an owner from
   * one request to the next by number. How many it asked and all the excluded counts go on the
   * request row, fixed from then on.
   */
  async match(db: Queryable, requestId: string, window: { start: Date; end: Date }, audience: Audience): Promise<MatchResult> {
    const rows: { notified: number; offered: number; noRecordings: number }[] = await db.query(
      `WITH receiving AS (
         SELECT * FROM unnest($4::uuid[], $5::uuid[]) AS receiving (camera_id, owner_id)
       ),
       -- A clip overlaps the window if it ends after its start; a clip lasts at most cameras'
       -- MAX_RECORDING_SECONDS ($9), so it started at most that long before the window: the bound
       -- keeps the lookup on the (camera_id, started_at) index.
       offered AS (
         SELECT receiving.owner_id, recording.id AS recording_id
         FROM receiving
         JOIN cameras_recording recording ON recording.camera_id = receiving.camera_id
                       AND recording.started_at >= $2::timestamptz - $9::int * interval '1 second'
                       AND recording.started_at < $3::timestamptz
                       AND recording.ended_at > $2::timestamptz
       ),
       recipient AS (
         INSERT INTO request_recipient (request_id, owner_id, pseudonym_number)
         SELECT $1::uuid, owner_id, row_number() OVER (ORDER BY md5($1::uuid::text || owner_id::text))
         FROM (SELECT DISTINCT owner_id FROM offered) AS asked
         RETURNING owner_id
       ),
       offer AS (
         INSERT INTO request_offer (request_id, owner_id, recording_id)
         SELECT $1::uuid, owner_id, recording_id FROM offered
         RETURNING recording_id
       ),
       no_recordings AS (
         SELECT ((SELECT count(DISTINCT owner_id) FROM receiving) - (SELECT count(DISTINCT owner_id) FROM offered))::int AS count
       ),
       counted AS (
         UPDATE footage_request
         SET owners_asked = (SELECT count(*) FROM recipient), excluded_no_recordings = no_recordings.count,
             excluded_blocked = $6, excluded_encrypted = $7, excluded_opt_in_not_given = $8
         FROM no_recordings
         WHERE footage_request.id = $1::uuid
       )
       SELECT (SELECT count(*) FROM recipient)::int AS "notified", (SELECT count(*) FROM offer)::int AS "offered",
              no_recordings.count AS "noRecordings"
       FROM no_recordings`,
      [
        requestId,
        window.start,
        window.end,
        audience.receiving.map((camera) => camera.cameraId),
        audience.receiving.map((camera) => camera.ownerId),
        audience.excluded.blocked,
        audience.excluded.encrypted,
        audience.excluded.optInNotGiven,
        MAX_RECORDING_SECONDS,
      ],
    );
    return { ...rows[0]!, ...audience.excluded };
  }

  /** One of the agency's requests, deleted ones excluded; `forUpdate` locks the row. */
  /** An owner's answer to the request reaching them (consent records it through RequestsService). */
  async setRecipientState(manager: EntityManager, requestId: string, ownerId: string, state: ConsentState, at: Date): Promise<void> {
    await manager.query(
      `UPDATE request_recipient SET consent_state = $3, decided_at = $4 WHERE request_id = $1 AND owner_id = $2`,
      [requestId, ownerId, state, at],
    );
  }

  async findForAgency(manager: EntityManager, agencyId: string, id: string, { forUpdate = false }: RowLock = {}): Promise<RequestView | null> {
    if (forUpdate) {
      await manager.query(`SELECT 1 FROM footage_request WHERE id = $1 FOR UPDATE`, [id]);
    }
    const rows: RequestRow[] = await manager.query(
      `${SELECT_VIEW} WHERE r.id = $1 AND r.agency_id = $2 AND r.status <> 'deleted'`,
      [id, agencyId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Newest first by (created_at, id), strictly after `after`; deleted requests never listed. */
  async page(agencyId: string, status: ListedStatus | undefined, after: PagePosition | undefined, limit: number): Promise<RequestView[]> {
    const rows: RequestRow[] = await this.dataSource.query(
      `${SELECT_VIEW}
       WHERE r.agency_id = $1
         AND ${status === undefined ? `r.status <> 'deleted'` : 'r.status = $4'}
         AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT ${Number(limit)}`,
      status === undefined ? [agencyId, after?.at ?? null, after?.id ?? null] : [agencyId, after?.at ?? null, after?.id ?? null, status],
    );
    return rows.map(toView);
  }

  async setStatus(manager: EntityManager, id: string, status: 'closed' | 'deleted', at: Date): Promise<void> {
    await manager.query(`UPDATE footage_request SET status = $2, closed_at = COALESCE(closed_at, $3) WHERE id = $1`, [id, status, at]);
  }

  /**
   * Set-based expiry: every open request past its expiry becomes expired, and its recipients
   * who had not answered get the DPV state `expired`. Answers the requests expired.
   */
  async expireDue(manager: EntityManager, now: Date): Promise<{ id: string; agencyId: string }[]> {
    const rows: { id: string; agency_id: string }[] = await manager.query(
      `WITH expired AS (
         UPDATE footage_request SET status = 'expired', closed_at = expires_at
         WHERE status = 'open' AND expires_at <= $1
         RETURNING id, agency_id, expires_at
       ),
       -- A data-modifying CTE runs to completion whether or not the outer query reads it.
       recipients AS (
         UPDATE request_recipient SET consent_state = 'expired', decided_at = expired.expires_at
         FROM expired
         WHERE request_recipient.request_id = expired.id AND request_recipient.consent_state = 'requested'
       )
       SELECT id, agency_id FROM expired ORDER BY id`,
      [now],
    );
    return rows.map((row) => ({ id: row.id, agencyId: row.agency_id }));
  }

  /** A request of any agency, locked, for a moderator's review. */
  async lockForReview(manager: EntityManager, id: string): Promise<RequestView | null> {
    await manager.query(`SELECT 1 FROM footage_request WHERE id = $1 FOR UPDATE`, [id]);
    const [row]: RequestRow[] = await manager.query(`${SELECT_VIEW} WHERE r.id = $1 AND r.status <> 'deleted'`, [id]);
    return row ? toView(row) : null;
  }

  /** Approved: open from now, its expiry counted from now. */
  async approve(manager: EntityManager, id: string, review: { reason: string; at: Date; expiresAt: Date }): Promise<void> {
    await manager.query(
      `UPDATE footage_request SET status = 'open', reviewed_at = $2, review_reason = $3, expires_at = $4 WHERE id = $1`,
      [id, review.at, review.reason, review.expiresAt],
    );
  }

  async refuse(manager: EntityManager, id: string, review: { reason: string; at: Date }): Promise<void> {
    await manager.query(
      `UPDATE footage_request SET status = 'refused', reviewed_at = $2, review_reason = $3, closed_at = $2 WHERE id = $1`,
      [id, review.at, review.reason],
    );
  }

  /** Requests waiting for a moderator, oldest first, after `after`. */
  async pendingReview(manager: EntityManager, after: PagePosition | undefined, limit: number): Promise<RequestView[]> {
    const rows: RequestRow[] = await manager.query(
      `${SELECT_VIEW}
       WHERE r.status = 'pending-review' AND ($1::timestamptz IS NULL OR (r.created_at, r.id) > ($1::timestamptz, $2::uuid))
       ORDER BY r.created_at, r.id
       LIMIT ${Number(limit)}`,
      [after?.at ?? null, after?.id ?? null],
    );
    return rows.map(toView);
  }

  /** The reminder offsets in force when the request opened, the first due that long after `openedAt`. */
  /**
   * What the request keeps of the policy it reached owners under: its reminders (the first
   * scheduled from `openedAt`), the channels its notices also go through, and whether its agency
   * may see how many owners it asked and how many have not answered.
   */
  async fixOwnerTerms(manager: EntityManager, id: string, terms: OwnerTerms, openedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE footage_request
       SET reminder_offsets = $2::int[], reminders_sent = 0,
           next_reminder_at = CASE WHEN cardinality($2::int[]) > 0 THEN $3::timestamptz + make_interval(secs => ($2::int[])[1]) END,
           notice_channels = $4::text[], agency_sees_unanswered = $5
       WHERE id = $1`,
      [id, terms.reminderOffsetsSeconds, openedAt, terms.requestNoticeChannels, terms.agencySeesUnanswered],
    );
  }

  /**
   * One reminder for each open request whose next one is due by `now`, counted and the following
   * one scheduled (from when it opened: its approval, or its creation), in one statement. Rows
   * another tick holds are waited for, not skipped: after its commit they are read again and are
   * no longer due, so nothing is sent twice, and a sandbox clock move that waits for this never
   * answers `ready` while a concurrent tick's reminders are still uncommitted. Call again until it
   * answers none.
   */
  async takeDueReminders(manager: EntityManager, now: Date): Promise<{ id: string; agencyId: string; reminder: number }[]> {
    return manager.query(
      `WITH due AS (
         SELECT id FROM footage_request WHERE status = 'open' AND next_reminder_at <= $1
         ORDER BY next_reminder_at, id FOR UPDATE
       ),
       sent AS (
         UPDATE footage_request r
         SET reminders_sent = r.reminders_sent + 1,
             next_reminder_at = CASE WHEN r.reminders_sent + 1 < cardinality(r.reminder_offsets)
                                     THEN COALESCE(r.reviewed_at, r.created_at) + make_interval(secs => r.reminder_offsets[r.reminders_sent + 2]) END
         FROM due WHERE r.id = due.id
         RETURNING r.id, r.agency_id, r.reminders_sent
       )
       -- Selected from, not returned by the UPDATE: TypeORM answers a bare UPDATE with [rows, count].
       SELECT id, agency_id AS "agencyId", reminders_sent AS reminder FROM sent ORDER BY id`,
      [now],
    );
  }
}
