import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agencies' incident heat map counts neighbours' published posts per H3 cell and category over
 * a period: one index range per cell of the box, read without the table (bench/README.md, "feed").
 */
export class FeedHeatmap1763902800000 implements MigrationInterface {
  name = 'FeedHeatmap1763902800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX feed_post_heatmap_idx ON feed_post (h3_r9, created_at) INCLUDE (category)
      WHERE status = 'published' AND request_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX feed_post_heatmap_idx');
  }
}
