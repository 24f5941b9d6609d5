import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests for Assistance: under a policy that delivers footage requests as public posts, each
 * request is also a post of its agency, written once by the worker. It has no author account (the
 * agency speaks), keeps its area as H3 cells (never whom it asked), and reads its case, window
 * and status from the request through requests' view, so its status always follows the request.
 */
export class FeedRequestsForAssistance1763902700000 implements MigrationInterface {
  name = 'FeedRequestsForAssistance1763902700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE feed_post
        ALTER COLUMN author_id DROP NOT NULL,
        ADD COLUMN request_id uuid NULL,
        ADD COLUMN area_cells text[] NULL,
        ADD CONSTRAINT feed_post_request_id_key UNIQUE (request_id),
        ADD CONSTRAINT feed_post_request_id_fkey FOREIGN KEY (request_id) REFERENCES footage_request (id) ON DELETE CASCADE,
        ADD CONSTRAINT feed_post_author_or_request CHECK ((author_id IS NULL) = (request_id IS NOT NULL)),
        ADD CONSTRAINT feed_post_request_agency CHECK (request_id IS NULL OR agency_id IS NOT NULL),
        ADD CONSTRAINT feed_post_request_cells CHECK ((request_id IS NULL) = (area_cells IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM feed_post WHERE request_id IS NOT NULL');
    await db.query(`
      ALTER TABLE feed_post
        DROP CONSTRAINT feed_post_author_or_request, DROP CONSTRAINT feed_post_request_agency, DROP CONSTRAINT feed_post_request_cells,
        DROP COLUMN request_id, DROP COLUMN area_cells,
        ALTER COLUMN author_id SET NOT NULL`);
  }
}
