import type { PagePosition } from '@app/database';
import type { LatLng } from '@app/geo';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ModerationAction, PostCategory, PostStatus, ReportReason } from './domain/post.js';

export interface NewPost {
  id: string;
  /** Null for a Request for Assistance: the agency speaks, no account. */
  authorId: string | null;
  /** Set when agency staff post: the post is the agency's. */
  agencyId: string | null;
  category: PostCategory;
  title: string;
  body: string;
  /** Where the author was: stored, never read back out. */
  location: LatLng;
  /** Its H3 resolution-9 cell: what every reader sees, and what the feed and heat map search. */
  cell: string;
  status: PostStatus;
  /** The prohibited purpose the policy's screen found, for a held post. */
  heldBecause: string | null;
  createdAt: Date;
  /** Set for a Request for Assistance. */
  request: { id: string; areaCells: string[] } | null;
}

/** A post as read back: the cell only, and the author's public face (agency name or thread number). */
export interface PostRow {
  id: string;
  authorId: string | null;
  category: PostCategory;
  title: string;
  body: string;
  cell: string;
  agencyName: string | null;
  neighborNumber: number | null;
  hasVideo: boolean;
  commentCount: number;
  status: PostStatus;
  heldBecause: string | null;
  createdAt: Date;
  /** A Request for Assistance's request, as requests publishes it now: its status follows the request. */
  requestId: string | null;
  caseNumber: string | null;
  incidentType: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  requestStatus: string | null;
  areaCells: string[] | null;
}

/** A request to post as a Request for Assistance: what may be shown of it, its area as a polygon. */
export interface RequestToPost {
  id: string;
  agencyId: string;
  incidentType: string;
  description: string;
  createdAt: Date;
  center: LatLng;
  /** GeoJSON Polygon of the area (a circle as a buffer). */
  polygon: { type: 'Polygon'; coordinates: number[][][] };
}

/** A post in the moderation queue: what the public sees of it, and what moderation needs. */
export interface ReviewRow extends PostRow {
  reportCount: number;
  reports: Record<ReportReason, number>;
  decision: ModerationAction | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}

/** What a decision or a report needs of a post, read under its row lock. */
export interface LockedPost {
  id: string;
  authorId: string | null;
  title: string;
  status: PostStatus;
  decision: ModerationAction | null;
  reportCount: number;
}

export interface QueuePosition {
  reportCount: number;
  at: Date;
  id: string;
}

export interface CommentRow {
  id: string;
  postId: string;
  authorId: string;
  body: string;
  agencyName: string | null;
  neighborNumber: number | null;
  createdAt: Date;
}


const point = (lng: string, lat: string) => `ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography`;

// The exact location is never selected: only the cell (the centre is computed from it).
const POST_COLUMNS = `
  p.id, p.author_id AS "authorId", p.category, p.title, p.body, p.h3_r9 AS cell,
  a.name AS "agencyName", m.neighbor_number AS "neighborNumber",
  EXISTS (SELECT 1 FROM feed_post_recording r WHERE r.post_id = p.id) AS "hasVideo",
  p.comment_count AS "commentCount", p.status, p.held_because AS "heldBecause", p.created_at AS "createdAt",
  p.request_id AS "requestId", rq.case_number AS "caseNumber", rq.incident_type AS "incidentType",
  rq.window_start AS "windowStart", rq.window_end AS "windowEnd", rq.status AS "requestStatus", p.area_cells AS "areaCells"`;

const POST_FROM = `
  FROM feed_post p
  LEFT JOIN agencies_directory a ON a.id = p.agency_id
  LEFT JOIN feed_thread_member m ON m.post_id = p.id AND m.user_id = p.author_id
  LEFT JOIN requests_request rq ON rq.id = p.request_id`;

const SELECT_POST = `SELECT ${POST_COLUMNS} ${POST_FROM}`;

const SELECT_REVIEW = `
  SELECT ${POST_COLUMNS}, p.report_count AS "reportCount", p.decision, p.decision_reason AS "decisionReason",
         p.decided_at AS "decidedAt",
         (SELECT jsonb_build_object(
                   'profiling', count(*) FILTER (WHERE r.reason = 'profiling'),
                   'misinformation', count(*) FILTER (WHERE r.reason = 'misinformation'),
                   'harassment', count(*) FILTER (WHERE r.reason = 'harassment'),
                   'private-info', count(*) FILTER (WHERE r.reason = 'private-info'),
                   'other', count(*) FILTER (WHERE r.reason = 'other'))
          FROM feed_report r WHERE r.post_id = p.id) AS reports
  ${POST_FROM}`;

const SELECT_COMMENT = `
  SELECT c.id, c.post_id AS "postId", c.author_id AS "authorId", c.body, a.name AS "agencyName",
         m.neighbor_number AS "neighborNumber", c.created_at AS "createdAt"
  FROM feed_comment c
  LEFT JOIN agencies_directory a ON a.id = c.agency_id
  LEFT JOIN feed_thread_member m ON m.post_id = c.post_id AND m.user_id = c.author_id`;

@Injectable()
export class FeedRepository {
  /** False when the post's request already has its post (a Request for Assistance is written once). */
  async insertPost(manager: EntityManager, post: NewPost): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO feed_post (id, author_id, agency_id, category, title, body, location, h3_r9, status, held_because,
                              created_at, request_id, area_cells)
       VALUES ($1, $2, $3, $4, $5, $6, ${point('$7', '$8')}, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (request_id) DO NOTHING
       RETURNING id`,
      [
        post.id,
        post.authorId,
        post.agencyId,
        post.category,
        post.title,
        post.body,
        post.location.lng,
        post.location.lat,
        post.cell,
        post.status,
        post.heldBecause,
        post.createdAt,
        post.request?.id ?? null,
        post.request?.areaCells ?? null,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Links the recordings among `recordingIds` that the author owns (read through cameras' view);
   * returns those linked, so the caller can refuse the rest.
   */
  async attachRecordings(manager: EntityManager, postId: string, ownerId: string, recordingIds: string[]): Promise<string[]> {
    const rows: { recordingId: string }[] = await manager.query(
      `INSERT INTO feed_post_recording (post_id, recording_id)
       SELECT $1, id FROM cameras_recording WHERE id = ANY($3::uuid[]) AND owner_id = $2
       RETURNING recording_id AS "recordingId"`,
      [postId, ownerId, recordingIds],
    );
    return rows.map((row) => row.recordingId);
  }

  /**
   * The resident's number in the post's thread: theirs if they have one, else the next. The caller
   * holds the post's row lock, so two newcomers never draw the same number.
   */
  async neighborNumber(manager: EntityManager, postId: string, userId: string): Promise<number> {
    const [row]: { number: number }[] = await manager.query(
      `WITH joined AS (
         INSERT INTO feed_thread_member (post_id, user_id, neighbor_number)
         SELECT $1, $2, COALESCE(max(neighbor_number), 0) + 1 FROM feed_thread_member WHERE post_id = $1
         ON CONFLICT (post_id, user_id) DO NOTHING
         RETURNING neighbor_number
       )
       SELECT neighbor_number AS number FROM joined
       UNION ALL
       SELECT neighbor_number FROM feed_thread_member WHERE post_id = $1 AND user_id = $2`,
      [postId, userId],
    );
    return row!.number;
  }

  /** A request as its Request for Assistance shows it, read through requests' view. */
  async requestToPost(manager: EntityManager, requestId: string): Promise<RequestToPost | null> {
    const [row]: RequestToPost[] = await manager.query(
      `SELECT id, agency_id AS "agencyId", incident_type AS "incidentType", description, created_at AS "createdAt",
              json_build_object('lat', ST_Y(ST_Centroid(area::geometry)), 'lng', ST_X(ST_Centroid(area::geometry))) AS center,
              ST_AsGeoJSON(CASE WHEN area_radius_meters IS NULL THEN area ELSE ST_Buffer(area, area_radius_meters) END)::json AS polygon
       FROM requests_request WHERE id = $1`,
      [requestId],
    );
    return row ?? null;
  }

  async post(manager: EntityManager, id: string): Promise<PostRow | null> {
    const [row]: PostRow[] = await manager.query(`${SELECT_POST} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Published posts in the cells given, newest first, after `after`. The page's ids come from
   * feed_post_published_cell_idx alone (index-only); only its rows are then joined for display.
   */
  async page(manager: EntityManager, cells: string[], category: PostCategory | undefined, after: PagePosition | undefined, limit: number): Promise<PostRow[]> {
    return manager.query(
      `WITH page AS (
         SELECT p.id FROM feed_post p
         WHERE p.h3_r9 = ANY($1::text[]) AND p.status = 'published'
           AND ($2::text IS NULL OR p.category = $2)
           AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3, $4::uuid))
           AND (p.request_id IS NULL OR NOT EXISTS (SELECT 1 FROM requests_request rd WHERE rd.id = p.request_id AND rd.status = 'deleted'))
         ORDER BY p.created_at DESC, p.id DESC
         LIMIT $5
       )
       ${SELECT_POST} JOIN page ON page.id = p.id
       ORDER BY p.created_at DESC, p.id DESC`,
      [cells, category ?? null, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  /** Counts a new comment on a published post and locks it; false when there is no such post. */
  async countComment(manager: EntityManager, postId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      // A bare UPDATE … RETURNING comes back from TypeORM as [rows, count]: the CTE keeps it rows.
      `WITH counted AS (UPDATE feed_post SET comment_count = comment_count + 1 WHERE id = $1 AND status = 'published' RETURNING id) SELECT id FROM counted`,
      [postId],
    );
    return rows.length > 0;
  }

  async insertComment(manager: EntityManager, comment: { id: string; postId: string; authorId: string; agencyId: string | null; body: string; createdAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO feed_comment (id, post_id, author_id, agency_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [comment.id, comment.postId, comment.authorId, comment.agencyId, comment.body, comment.createdAt],
    );
  }

  async comment(manager: EntityManager, id: string): Promise<CommentRow | null> {
    const [row]: CommentRow[] = await manager.query(`${SELECT_COMMENT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  /** The thread in order, oldest first, after `after`. */
  async comments(manager: EntityManager, postId: string, after: PagePosition | undefined, limit: number): Promise<CommentRow[]> {
    return manager.query(
      `${SELECT_COMMENT}
       WHERE c.post_id = $1 AND ($2::timestamptz IS NULL OR (c.created_at, c.id) > ($2, $3::uuid))
       ORDER BY c.created_at, c.id
       LIMIT $4`,
      [postId, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  async lock(manager: EntityManager, id: string): Promise<LockedPost | null> {
    const [row]: LockedPost[] = await manager.query(
      `SELECT id, author_id AS "authorId", title, status, decision, report_count AS "reportCount" FROM feed_post WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** One report per user and post: false when this user already reported it. */
  async insertReport(manager: EntityManager, report: { postId: string; reporterId: string; reason: ReportReason; note: string | null; createdAt: Date }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO feed_report (post_id, reporter_id, reason, note, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (post_id, reporter_id) DO NOTHING RETURNING post_id`,
      [report.postId, report.reporterId, report.reason, report.note, report.createdAt],
    );
    return rows.length > 0;
  }

  async setReported(manager: EntityManager, id: string, reportCount: number, status: PostStatus): Promise<void> {
    await manager.query(`UPDATE feed_post SET report_count = $2, status = $3 WHERE id = $1`, [id, reportCount, status]);
  }

  async decide(manager: EntityManager, id: string, decision: { action: ModerationAction; status: PostStatus; reason: string; at: Date }): Promise<void> {
    await manager.query(
      `UPDATE feed_post SET decision = $2, status = $3, decision_reason = $4, decided_at = $5, held_because = NULL WHERE id = $1`,
      [id, decision.action, decision.status, decision.reason, decision.at],
    );
  }

  async review(manager: EntityManager, id: string): Promise<ReviewRow | null> {
    const [row]: ReviewRow[] = await manager.query(`${SELECT_REVIEW} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /** Undecided posts that were reported or held, most reported first (then oldest), after `after`. */
  async queue(manager: EntityManager, after: QueuePosition | undefined, limit: number): Promise<ReviewRow[]> {
    return manager.query(
      `${SELECT_REVIEW}
       WHERE p.decision IS NULL AND (p.report_count > 0 OR p.status = 'held')
         AND ($1::int IS NULL OR (-p.report_count, p.created_at, p.id) > (-$1::int, $2::timestamptz, $3::uuid))
       ORDER BY p.report_count DESC, p.created_at, p.id
       LIMIT ${Number(limit)}`,
      [after?.reportCount ?? null, after?.at ?? null, after?.id ?? null],
    );
  }
}
