import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports and moderation of feed posts. A post is published, held for review when the active
 * policy's prohibited purposes screen it out (descriptions by race alone), hidden once enough
 * distinct users report it, or removed by a moderator; one decision per post. What the public
 * report counts is published as a view.
 */
export class FeedModeration1763902600000 implements MigrationInterface {
  name = 'FeedModeration1763902600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE feed_post
        ADD COLUMN status text NOT NULL DEFAULT 'published',
        ADD COLUMN held_because text NULL,
        ADD COLUMN report_count integer NOT NULL DEFAULT 0,
        ADD COLUMN decision text NULL,
        ADD COLUMN decided_at timestamptz NULL,
        ADD COLUMN decision_reason text NULL,
        ADD CONSTRAINT feed_post_status_check CHECK (status IN ('published', 'held', 'hidden', 'removed')),
        ADD CONSTRAINT feed_post_held_because CHECK ((status = 'held') = (held_because IS NOT NULL)),
        ADD CONSTRAINT feed_post_report_count CHECK (report_count >= 0),
        ADD CONSTRAINT feed_post_decision_check CHECK (decision IN ('keep', 'remove')),
        ADD CONSTRAINT feed_post_decided CHECK ((decision IS NULL) = (decided_at IS NULL)),
        ADD CONSTRAINT feed_post_removed CHECK ((status = 'removed') = (decision IS NOT DISTINCT FROM 'remove'))`);
    // The moderation queue: undecided posts reported or held, most reported first.
    await db.query(`
      CREATE INDEX feed_post_review_queue_idx ON feed_post (report_count DESC, created_at, id)
      WHERE decision IS NULL AND (report_count > 0 OR status = 'held')`);

    await db.query(`
      CREATE TABLE feed_report (
        post_id uuid NOT NULL,
        reporter_id uuid NOT NULL,
        reason text NOT NULL,
        note text NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT feed_report_pkey PRIMARY KEY (post_id, reporter_id),
        CONSTRAINT feed_report_post_id_fkey FOREIGN KEY (post_id) REFERENCES feed_post (id) ON DELETE CASCADE,
        CONSTRAINT feed_report_reporter_id_fkey FOREIGN KEY (reporter_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT feed_report_reason_check CHECK (reason IN ('profiling', 'misinformation', 'harassment', 'private-info', 'other')),
        CONSTRAINT feed_report_note_length CHECK (char_length(note) <= 500)
      )`);
    await db.query('CREATE INDEX feed_report_reporter_id_idx ON feed_report (reporter_id)');

    await db.query(`
      CREATE VIEW feed_post_review AS
      SELECT p.id, p.decision, p.decided_at,
             (SELECT min(r.created_at) FROM feed_report r WHERE r.post_id = p.id AND r.reason = 'profiling') AS first_profiling_report_at
      FROM feed_post p`);
    await db.query(`
      COMMENT ON VIEW feed_post_review IS
        'Published by feed. One row per post, without author, text or place: when it was first reported for profiling and '
        'what moderation decided, when. Read by transparency (the public report).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW feed_post_review');
    await db.query('DROP TABLE feed_report');
    await db.query('DROP INDEX feed_post_review_queue_idx');
    await db.query(`
      ALTER TABLE feed_post
        DROP COLUMN status, DROP COLUMN held_because, DROP COLUMN report_count,
        DROP COLUMN decision, DROP COLUMN decided_at, DROP COLUMN decision_reason`);
  }
}
