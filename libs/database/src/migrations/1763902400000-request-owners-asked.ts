import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request keeps how many owners it asked, beside the counts it keeps of owners it could not ask,
 * all written once when it is matched. The transparency report sums them: for a year of a large
 * city that is one pass over 25,000 requests instead of a join with a million recipients
 * (bench/README.md, "transparency").
 */
export class RequestOwnersAsked1763902400000 implements MigrationInterface {
  name = 'RequestOwnersAsked1763902400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE footage_request
        ADD COLUMN owners_asked integer NOT NULL DEFAULT 0 CONSTRAINT footage_request_owners_asked_check CHECK (owners_asked >= 0)`);
    await db.query(`
      UPDATE footage_request SET owners_asked = asked.count
      FROM (SELECT request_id, count(*)::int AS count FROM request_recipient GROUP BY request_id) AS asked
      WHERE asked.request_id = footage_request.id`);
    // Owned by requests. CREATE OR REPLACE may only add columns at the end.
    await db.query(`
      CREATE OR REPLACE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at, owners_asked
      FROM footage_request`);
    await db.query(`
      COMMENT ON VIEW requests_request IS
        'Published by requests. One row per footage request, deleted ones included (status = ''deleted''): what the owners it '
        'reached may see of it, how many owners it asked and how many it could not ask by reason, and when it ended. Read by '
        'consent (answers, the owner''s list), notifications (message text), agencies (statistics) and transparency (the public report).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW requests_request');
    await db.query(`
      CREATE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at
      FROM footage_request`);
    await db.query('ALTER TABLE footage_request DROP COLUMN owners_asked');
  }
}
