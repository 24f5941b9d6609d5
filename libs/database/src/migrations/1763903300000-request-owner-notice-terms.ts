import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two terms a request keeps from the policy in force when it reaches owners (ring-2025's rules,
 * usable under any profile): the channels its notices also go through (push, email) and whether
 * its agency may see how many owners it asked and how many have not answered. Fixed on the row,
 * because owners were asked under them: a later policy change neither reveals who ignored a
 * request nor changes how its reminders are sent. A notification records the channels it went
 * through; every one reaches the inbox (and the live socket).
 */
export class RequestOwnerNoticeTerms1763903300000 implements MigrationInterface {
  name = 'RequestOwnerNoticeTerms1763903300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE footage_request
        ADD COLUMN notice_channels text[] NOT NULL DEFAULT '{}'
          CONSTRAINT footage_request_notice_channels_check CHECK (notice_channels <@ ARRAY['push', 'email']::text[]),
        ADD COLUMN agency_sees_unanswered boolean NOT NULL DEFAULT true`);
    await db.query(`
      ALTER TABLE notification
        ADD COLUMN channels text[] NOT NULL DEFAULT '{in-app}'
          CONSTRAINT notification_channels_check CHECK ('in-app' = ANY (channels) AND channels <@ ARRAY['in-app', 'push', 'email']::text[])`);
    // Owned by requests. CREATE OR REPLACE may only add columns at the end.
    await db.query(`
      CREATE OR REPLACE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at, owners_asked,
             notice_channels, agency_sees_unanswered
      FROM footage_request`);
    await db.query(`
      COMMENT ON VIEW requests_request IS
        'Published by requests. One row per footage request, deleted ones included (status = ''deleted''): what the owners it '
        'reached may see of it, how many owners it asked and how many it could not ask by reason, when it ended, the channels '
        'its notices to owners also went through and whether its agency may see how many were asked and have not answered. '
        'Read by consent (answers, the owner''s list), notifications (message text, channels), agencies (statistics) and '
        'transparency (the public report).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW requests_request');
    await db.query(`
      CREATE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at, owners_asked
      FROM footage_request`);
    await db.query('ALTER TABLE notification DROP COLUMN channels');
    await db.query('ALTER TABLE footage_request DROP COLUMN agency_sees_unanswered, DROP COLUMN notice_channels');
  }
}
