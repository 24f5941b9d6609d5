import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the identity context publishes of its users to the contexts above it (they read these
 * views, never app_user: password hashes and sign-up times stay private to identity).
 */
export class IdentityPublishedViews1763901600000 implements MigrationInterface {
  name = 'IdentityPublishedViews1763901600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW identity_user AS
      SELECT id, role, agency_id, display_name, email FROM app_user`);
    await db.query(`
      COMMENT ON VIEW identity_user IS
        'Published by identity. One row per user: role, agency (officers and agency admins), display name, e-mail. '
        'Read by agencies (officer counts), notifications (agency audiences) and consent (who shared, under identity disclosure).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW identity_user');
  }
}
