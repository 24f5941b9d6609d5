import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed context: neighbours' and agencies' posts, their comments, who is which neighbour in a
 * thread, and the recordings a resident said exist. A post's exact location is kept (the author
 * gave it) but only its H3 cell and the cell's centre are ever read back out (invariant 7).
 */
export class FeedPosts1763902500000 implements MigrationInterface {
  name = 'FeedPosts1763902500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE feed_post (
        id uuid NOT NULL,
        author_id uuid NOT NULL,
        agency_id uuid NULL,
        category text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        location geography(Point, 4326) NOT NULL,
        h3_r9 text NOT NULL,
        cell_center geography(Point, 4326) NOT NULL,
        comment_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        CONSTRAINT feed_post_pkey PRIMARY KEY (id),
        CONSTRAINT feed_post_author_id_fkey FOREIGN KEY (author_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT feed_post_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT feed_post_category_check
          CHECK (category IN ('crime', 'safety', 'suspicious', 'lost-pet', 'unexpected-activity', 'community')),
        CONSTRAINT feed_post_title_length CHECK (char_length(title) BETWEEN 1 AND 120),
        CONSTRAINT feed_post_body_length CHECK (char_length(body) BETWEEN 1 AND 4000),
        CONSTRAINT feed_post_comment_count CHECK (comment_count >= 0)
      )`);
    // The feed: posts whose cell centre lies within a circle, newest first.
    await db.query('CREATE INDEX feed_post_cell_center_gist ON feed_post USING gist (cell_center)');
    await db.query('CREATE INDEX feed_post_author_id_idx ON feed_post (author_id)');

    // Neighbour numbers: 1..n per thread in order of first appearance, so the same resident is
    // unrelated numbers in different threads. Agency staff appear as their agency, not here.
    await db.query(`
      CREATE TABLE feed_thread_member (
        post_id uuid NOT NULL,
        user_id uuid NOT NULL,
        neighbor_number integer NOT NULL,
        CONSTRAINT feed_thread_member_pkey PRIMARY KEY (post_id, user_id),
        CONSTRAINT feed_thread_member_number_key UNIQUE (post_id, neighbor_number),
        CONSTRAINT feed_thread_member_post_id_fkey FOREIGN KEY (post_id) REFERENCES feed_post (id) ON DELETE CASCADE,
        CONSTRAINT feed_thread_member_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT feed_thread_member_number_positive CHECK (neighbor_number > 0)
      )`);
    await db.query('CREATE INDEX feed_thread_member_user_id_idx ON feed_thread_member (user_id)');

    await db.query(`
      CREATE TABLE feed_comment (
        id uuid NOT NULL,
        post_id uuid NOT NULL,
        author_id uuid NOT NULL,
        agency_id uuid NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT feed_comment_pkey PRIMARY KEY (id),
        CONSTRAINT feed_comment_post_id_fkey FOREIGN KEY (post_id) REFERENCES feed_post (id) ON DELETE CASCADE,
        CONSTRAINT feed_comment_author_id_fkey FOREIGN KEY (author_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT feed_comment_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT feed_comment_body_length CHECK (char_length(body) BETWEEN 1 AND 2000)
      )`);
    await db.query('CREATE INDEX feed_comment_post_created_idx ON feed_comment (post_id, created_at, id)');
    await db.query('CREATE INDEX feed_comment_author_id_idx ON feed_comment (author_id)');

    // A resident's post says a video exists; police reach the clip only by a request or override.
    // A purged recording leaves its posts (the cascade drops only the link).
    await db.query(`
      CREATE TABLE feed_post_recording (
        post_id uuid NOT NULL,
        recording_id uuid NOT NULL,
        CONSTRAINT feed_post_recording_pkey PRIMARY KEY (post_id, recording_id),
        CONSTRAINT feed_post_recording_post_id_fkey FOREIGN KEY (post_id) REFERENCES feed_post (id) ON DELETE CASCADE,
        CONSTRAINT feed_post_recording_recording_id_fkey FOREIGN KEY (recording_id) REFERENCES recording (id) ON DELETE CASCADE
      )`);
    await db.query('CREATE INDEX feed_post_recording_recording_id_idx ON feed_post_recording (recording_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE feed_post_recording');
    await db.query('DROP TABLE feed_comment');
    await db.query('DROP TABLE feed_thread_member');
    await db.query('DROP TABLE feed_post');
  }
}
