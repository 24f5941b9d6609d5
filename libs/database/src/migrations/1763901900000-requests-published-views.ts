import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the requests context publishes of its requests to the contexts above it. Each view reads
 * one table, so a reader may lock rows through it (FOR UPDATE OF / FOR SHARE OF the view's alias)
 * without locking anything else; writes go through RequestsService.
 */
export class RequestsPublishedViews1763901900000 implements MigrationInterface {
  name = 'RequestsPublishedViews1763901900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at
      FROM footage_request`);
    await db.query(`
      COMMENT ON VIEW requests_request IS
        'Published by requests. One row per footage request, deleted ones included (status = ''deleted''): what the owners it '
        'reached may see of it. Read by consent (answers, the owner''s list), notifications (message text) and agencies (statistics).'`);
    await db.query(`
      CREATE VIEW requests_recipient AS
      SELECT request_id, owner_id, pseudonym_number, consent_state, decided_at FROM request_recipient`);
    await db.query(`
      COMMENT ON VIEW requests_recipient IS
        'Published by requests. One row per owner a request reached: pseudonym number, consent state (requested, given, refused, '
        'withdrawn, expired) and when it was decided. Read by consent, notifications (audiences, counts) and agencies (statistics).'`);
    await db.query(`
      CREATE VIEW requests_offer AS
      SELECT request_id, owner_id, recording_id FROM request_offer`);
    await db.query(`
      COMMENT ON VIEW requests_offer IS
        'Published by requests. The recordings a request offered each owner it reached (they may since have been purged). '
        'Read by consent.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW requests_offer');
    await db.query('DROP VIEW requests_recipient');
    await db.query('DROP VIEW requests_request');
  }
}
