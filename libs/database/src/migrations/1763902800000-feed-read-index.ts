import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index serves both reads of published posts by place: the feed (the cells whose centre lies
 * in a circle, newest first, a keyset page) and the agencies' heat map (per cell and category
 * over a period). Both are index-only over the cells asked for. The feed no longer needs a GiST
 * index on the cell centre: a post's place is its cell, and the circle becomes a list of cells.
 */
export class FeedReadIndex1763902800000 implements MigrationInterface {
  name = 'FeedReadIndex1763902800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX feed_post_published_cell_idx ON feed_post (h3_r9, created_at DESC, id DESC) INCLUDE (category, request_id)
      WHERE status = 'published'`);
    await db.query('DROP INDEX feed_post_cell_center_gist');
    await db.query('ALTER TABLE feed_post DROP COLUMN cell_center');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE feed_post ADD COLUMN cell_center geography(Point, 4326)');
    await db.query('UPDATE feed_post SET cell_center = location');
    await db.query('ALTER TABLE feed_post ALTER COLUMN cell_center SET NOT NULL');
    await db.query('CREATE INDEX feed_post_cell_center_gist ON feed_post USING gist (cell_center)');
    await db.query('DROP INDEX feed_post_published_cell_idx');
  }
}
