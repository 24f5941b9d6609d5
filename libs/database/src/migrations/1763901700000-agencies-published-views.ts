import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the agencies context publishes of an agency to the contexts above it. */
export class AgenciesPublishedViews1763901700000 implements MigrationInterface {
  name = 'AgenciesPublishedViews1763901700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW agencies_directory AS
      SELECT id, name, kind, jurisdiction FROM agency`);
    await db.query(`
      COMMENT ON VIEW agencies_directory IS
        'Published by agencies. One row per agency (agencies are never deleted): name, kind, jurisdiction. '
        'Read by requests (is an area in the jurisdiction), consent and notifications (the name owners are shown).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW agencies_directory');
  }
}
