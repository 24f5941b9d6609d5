import { readRows, type PagePosition } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Audience, NotificationMessage, RequestSummary } from './domain/notification-specs.js';

/** One inbox item, as stored, listed and pushed. */
export interface Notification {
  id: string;
  userId: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  /** in-app always; push and email where the request's policy sent its notices there too. */
  channels: string[];
}

export interface FanOutBatch extends NotificationMessage {
  eventId: string;
  type: string;
  audience: Audience;
  requestId: string;
  agencyId: string;
  /** Set for events about an override: whom it reached is its audience. */
  overrideId: string | null;
  after: string | null;
  upTo: string | null;
  channels: string[];
  createdAt: Date;
}

export interface InboxPageQuery {
  unreadOnly: boolean;
  /** The last item of the previous page. */
  after?: PagePosition;
  limit: number;
}

const COLUMNS = `id, user_id AS "userId", type, title, body, data, created_at AS "createdAt", read_at AS "readAt", channels`;

/**
 * The audiences of NOTIFICATION_SPECS as SQL over the views requests, identity and overrides publish (so
 * that a fan-out batch stays one INSERT … SELECT), each reading the typed `params` row.
 */
const AUDIENCE_SQL: Record<Audience, string> = {
  recipients: `SELECT rr.owner_id AS user_id FROM params JOIN requests_recipient rr ON rr.request_id = params.request_id`,
  unanswered: `SELECT rr.owner_id AS user_id FROM params JOIN requests_recipient rr ON rr.request_id = params.request_id
               WHERE rr.consent_state IN ('requested', 'expired')`,
  agency: `SELECT u.id AS user_id FROM params JOIN identity_user u ON u.agency_id = params.agency_id AND u.role IN ('officer', 'agency_admin')`,
  'override-owners': `SELECT reached.owner_id AS user_id FROM params JOIN overrides_reached_owner reached ON reached.override_id = params.override_id`,
};

const PARAMS = 'WITH params AS (SELECT $1::uuid AS request_id, $2::uuid AS agency_id, $3::uuid AS override_id)';

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first by (created_at, id), strictly after `after`; only unread ones when asked. */
  page(userId: string, { unreadOnly, after, limit }: InboxPageQuery): Promise<Notification[]> {
    return readRows<Notification>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM notification
       WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT ${Number(limit)}`,
      [userId, unreadOnly, after?.at ?? null, after?.id ?? null],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = await readRows<{ count: number }>(
      this.dataSource,
      'SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[0]!.count;
  }

  /** Marks one of the user's notifications read (keeping the first readAt); null if not theirs. */
  async markRead(userId: string, id: string, at: Date): Promise<Notification | null> {
    const rows: [Notification[], number] = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, at],
    );
    return rows[0][0] ?? null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const rows: [unknown[], number] = await this.dataSource.query(
      'UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL',
      [userId, at],
    );
    return rows[1];
  }

  /** What a message may say about a request: agency, case, window, status and the counts. */
  async requestSummary(manager: EntityManager, requestId: string): Promise<RequestSummary | null> {
    const rows: (Omit<RequestSummary, 'counts'> & RequestSummary['counts'] & { agencySeesUnanswered: boolean })[] = await manager.query(
      `SELECT r.id, a.name AS "agencyName", r.case_number AS "caseNumber", r.incident_type AS "incidentType",
              r.window_start AS "windowStart", r.window_end AS "windowEnd", r.status, r.notice_channels AS "noticeChannels",
              r.agency_sees_unanswered AS "agencySeesUnanswered", c.notified, c.shared, c.declined, c.pending
       FROM requests_request r
       JOIN agencies_directory a ON a.id = r.agency_id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS notified,
                count(*) FILTER (WHERE consent_state = 'given')::int AS shared,
                count(*) FILTER (WHERE consent_state = 'refused')::int AS declined,
                count(*) FILTER (WHERE consent_state = 'requested')::int AS pending
         FROM requests_recipient WHERE request_id = r.id) c
       WHERE r.id = $1`,
      [requestId],
    );
    const row = rows[0];
    if (!row) return null;
    const { notified, shared, declined, pending, agencySeesUnanswered, ...request } = row;
    // The agency hears these counts in messages and pushes; hidden, they cannot count who ignored it.
    const unanswered = agencySeesUnanswered ? { notified, pending } : { notified: null, pending: null };
    return { ...request, counts: { ...unanswered, shared, declined } };
  }

  /**
   * How many users the audience has, and the ids at positions size, 2·size, … before its last
   * one: the edges of its batches (an audience of exactly 2·size has one edge, two batches).
   */
  async batchBoundaries(
    manager: EntityManager,
    audience: Audience,
    requestId: string,
    agencyId: string,
    overrideId: string | null,
    size: number,
  ): Promise<{ total: number; boundaries: string[] }> {
    const rows: { user_id: string | null; total: number }[] = await manager.query(
      `${PARAMS},
       numbered AS (
         SELECT user_id, row_number() OVER (ORDER BY user_id) AS position, count(*) OVER () AS total
         FROM (${AUDIENCE_SQL[audience]}) AS audience
       )
       SELECT NULL::uuid AS user_id, (SELECT count(*)::int FROM numbered) AS total
       UNION ALL
       (SELECT user_id, total::int FROM numbered WHERE position % $4 = 0 AND position < total ORDER BY user_id)`,
      [requestId, agencyId, overrideId, size],
    );
    return { total: rows[0]!.total, boundaries: rows.slice(1).map((row) => row.user_id!) };
  }

  /**
   * One batch in one INSERT … ON CONFLICT DO NOTHING: answers only the rows this call created,
   * so a batch that runs again creates (and pushes) nothing twice. A job queued before
   * notifications kept channels carries none, and was in-app only.
   */
  insertBatch(manager: EntityManager, batch: FanOutBatch): Promise<Notification[]> {
    return manager.query(
        `${PARAMS}
         INSERT INTO notification (event_id, user_id, type, title, body, data, created_at, channels)
         SELECT $4, audience.user_id, $5, $6, $7, $8, $9, COALESCE($12::text[], '{in-app}')
         FROM (${AUDIENCE_SQL[batch.audience]}) AS audience
         WHERE ($10::uuid IS NULL OR audience.user_id > $10::uuid) AND ($11::uuid IS NULL OR audience.user_id <= $11::uuid)
         ORDER BY audience.user_id
         ON CONFLICT (event_id, user_id) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          batch.requestId,
          batch.agencyId,
          batch.overrideId,
          batch.eventId,
          batch.type,
          batch.title,
          batch.body,
          batch.overrideId === null ? { requestId: batch.requestId } : { requestId: batch.requestId, overrideId: batch.overrideId },
          batch.createdAt,
          batch.after,
          batch.upTo,
          batch.channels,
        ],
    );
  }

  /** One user's notice of an event; null when it already exists (the event was delivered before). */
  async insertOne(
    manager: EntityManager,
    notice: NotificationMessage & { eventId: string; userId: string; type: string; data: Record<string, unknown>; createdAt: Date },
  ): Promise<Notification | null> {
    const [row]: Notification[] = await manager.query(
      `INSERT INTO notification (event_id, user_id, type, title, body, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [notice.eventId, notice.userId, notice.type, notice.title, notice.body, notice.data, notice.createdAt],
    );
    return row ?? null;
  }
}
