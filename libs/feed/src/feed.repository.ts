import type { PagePosition } from '@app/database';
import type { LatLng } from '@app/geo';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PostCategory } from './domain/post.js';
import type { SnappedPlace } from './snapped-place.js';

export interface NewPost {
  id: string;
  authorId: string;
  /** Set when agency staff post: the post is the agency's. */
  agencyId: string | null;
  category: PostCategory;
  title: string;
  body: string;
  location: LatLng;
  place: SnappedPlace;
  createdAt: Date;
}

/** A post as read back: the cell only, and the author's public face (agency name or thread number). */
export interface PostRow {
  id: string;
  authorId: string;
  category: PostCategory;
  title: string;
  body: string;
  cell: string;
  agencyName: string | null;
  neighborNumber: number | null;
  hasVideo: boolean;
  commentCount: number;
  createdAt: Date;
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

export interface FeedArea {
  center: LatLng;
  radiusMeters: number;
}

const point = (lng: string, lat: string) => `ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography`;

// The exact location is never selected: only the cell (the centre is computed from it).
const SELECT_POST = `
  SELECT p.id, p.author_id AS "authorId", p.category, p.title, p.body, p.h3_r9 AS cell,
         a.name AS "agencyName", m.neighbor_number AS "neighborNumber",
         EXISTS (SELECT 1 FROM feed_post_recording r WHERE r.post_id = p.id) AS "hasVideo",
         p.comment_count AS "commentCount", p.created_at AS "createdAt"
  FROM feed_post p
  LEFT JOIN agencies_directory a ON a.id = p.agency_id
  LEFT JOIN feed_thread_member m ON m.post_id = p.id AND m.user_id = p.author_id`;

const SELECT_COMMENT = `
  SELECT c.id, c.post_id AS "postId", c.author_id AS "authorId", c.body, a.name AS "agencyName",
         m.neighbor_number AS "neighborNumber", c.created_at AS "createdAt"
  FROM feed_comment c
  LEFT JOIN agencies_directory a ON a.id = c.agency_id
  LEFT JOIN feed_thread_member m ON m.post_id = c.post_id AND m.user_id = c.author_id`;

@Injectable()
export class FeedRepository {
  async insertPost(manager: EntityManager, post: NewPost): Promise<void> {
    await manager.query(
      `INSERT INTO feed_post (id, author_id, agency_id, category, title, body, location, h3_r9, cell_center, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, ${point('$7', '$8')}, $9, ${point('$10', '$11')}, $12)`,
      [
        post.id,
        post.authorId,
        post.agencyId,
        post.category,
        post.title,
        post.body,
        post.location.lng,
        post.location.lat,
        post.place.cell,
        post.place.center.lng,
        post.place.center.lat,
        post.createdAt,
      ],
    );
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

  async post(manager: EntityManager, id: string): Promise<PostRow | null> {
    const [row]: PostRow[] = await manager.query(`${SELECT_POST} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /** Posts whose cell centre lies within the circle, newest first, after `after`. */
  async page(manager: EntityManager, area: FeedArea, category: PostCategory | undefined, after: PagePosition | undefined, limit: number): Promise<PostRow[]> {
    return manager.query(
      `${SELECT_POST}
       WHERE ST_DWithin(p.cell_center, ${point('$1', '$2')}, $3)
         AND ($4::text IS NULL OR p.category = $4)
         AND ($5::timestamptz IS NULL OR (p.created_at, p.id) < ($5, $6::uuid))
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT $7`,
      [area.center.lng, area.center.lat, area.radiusMeters, category ?? null, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  /** Counts a new comment on the post and locks it; false when there is no such post. */
  async countComment(manager: EntityManager, postId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      // A bare UPDATE … RETURNING comes back from TypeORM as [rows, count]: the CTE keeps it rows.
      `WITH counted AS (UPDATE feed_post SET comment_count = comment_count + 1 WHERE id = $1 RETURNING id) SELECT id FROM counted`,
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
}
