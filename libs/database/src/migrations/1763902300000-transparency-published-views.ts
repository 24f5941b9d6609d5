import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What requests and consent publish for the public transparency report: the counts a request
 * keeps of owners it could not ask, when it ended, and each owner's decision. The report reads
 * these (and overrides_report, agencies_directory, audit_entry), never the tables.
 */
export class TransparencyPublishedViews1763902300000 implements MigrationInterface {
  name = 'TransparencyPublishedViews1763902300000';

  async up(db: QueryRunner): Promise<void> {
    // Owned by requests. CREATE OR REPLACE may only add columns at the end: the old ones stay as they were.
    await db.query(`
      CREATE OR REPLACE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at
      FROM footage_request`);
    await db.query(`
      COMMENT ON VIEW requests_request IS
        'Published by requests. One row per footage request, deleted ones included (status = ''deleted''): what the owners it '
        'reached may see of it, the owners it could not ask by reason, and when it ended. Read by consent (answers, the owner''s '
        'list), notifications (message text), agencies (statistics) and transparency (the public report).'`);

    // Owned by consent.
    await db.query(`
      CREATE VIEW consent_decision AS
      SELECT request_id, owner_id, decision, identity_disclosed, created_at, withdrawn_at FROM consent`);
    await db.query(`
      COMMENT ON VIEW consent_decision IS
        'Published by consent. One row per owner''s answer to a request, without its receipt: share or decline, whether it '
        'disclosed the owner''s identity to police, when, and when it was withdrawn. Read by transparency (the public report).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW consent_decision');
    await db.query('DROP VIEW requests_request');
    await db.query(`
      CREATE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at
      FROM footage_request`);
  }
}
