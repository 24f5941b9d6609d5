import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the simulator's measures read, published by the contexts that own it, so that apps/sim
 * reads no context's tables (the same rule as libs): when a request opened to owners (after a
 * review), the recordings owners shared and those approved overrides reached, whether an
 * override's owners are ever told, and the notices sent. CREATE OR REPLACE may only add columns
 * at the end.
 */
export class SimulatorPublishedViews1763903700000 implements MigrationInterface {
  name = 'SimulatorPublishedViews1763903700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at, owners_asked,
             notice_channels, agency_sees_unanswered, reviewed_at
      FROM footage_request`);
    await db.query(`
      COMMENT ON VIEW requests_request IS
        'Published by requests. One row per footage request, deleted ones included (status = ''deleted''): what the owners it '
        'reached may see of it, how many owners it asked and how many it could not ask by reason, when it ended, the channels '
        'its notices to owners also went through, whether its agency may see how many were asked and have not answered, and '
        'when a review let it reach owners (null: no review). '
        'Read by consent (answers, the owner''s list), notifications (message text, channels), agencies (statistics), '
        'transparency (the public report) and the simulator (its measures).'`);

    await db.query(`
      CREATE VIEW consent_shared_recording AS
      SELECT shared.request_id, shared.owner_id, shared.recording_id, c.withdrawn_at
      FROM consent_recording shared
      JOIN consent c ON c.request_id = shared.request_id AND c.owner_id = shared.owner_id AND c.decision = 'share'`);
    await db.query(`
      COMMENT ON VIEW consent_shared_recording IS
        'Published by consent. One row per recording an owner shared with a request, withdrawn shares included (withdrawn_at set): '
        'the recordings police could open by consent. Read by the simulator (footage reaching police).'`);

    await db.query(`
      CREATE VIEW overrides_reached_recording AS
      SELECT reached.override_id, reached.owner_id, reached.recording_id
      FROM override_recording reached JOIN disclosure_override o ON o.id = reached.override_id AND o.status = 'approved'`);
    await db.query(`
      COMMENT ON VIEW overrides_reached_recording IS
        'Published by overrides. One row per recording an approved override disclosed, whatever the owner had answered. '
        'Read by the simulator (footage reaching police without consent).'`);
    await db.query(`
      CREATE OR REPLACE VIEW overrides_report AS
      SELECT o.id, o.agency_id, o.basis, o.status, o.created_at, o.reported_when_requested, o.decided_at, o.in_transparency_report,
             o.shown_as, (SELECT count(*)::int FROM override_owner WHERE override_id = o.id) AS owners_reached, o.owner_notice_seconds
      FROM disclosure_override o`);
    await db.query(`
      COMMENT ON VIEW overrides_report IS
        'Published by overrides. One row per override, without its justification or warrant: agency, basis, status, when asked '
        'and decided, whether the policy at each moment put it in the public report, how owners were shown, how many it reached, '
        'and how long after an approval its owners are told (null: never). Read by transparency and the simulator.'`);

    await db.query(`
      CREATE VIEW notifications_notice AS
      SELECT id, user_id, type, created_at, channels FROM notification`);
    await db.query(`
      COMMENT ON VIEW notifications_notice IS
        'Published by notifications. One row per notice a user received, without its text: whom, of what, when, through which '
        'channels. Read by the simulator (notices and reminders sent).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW notifications_notice');
    await db.query('DROP VIEW overrides_reached_recording');
    await db.query('DROP VIEW consent_shared_recording');
    await db.query('DROP VIEW overrides_report');
    await db.query(`
      CREATE VIEW overrides_report AS
      SELECT o.id, o.agency_id, o.basis, o.status, o.created_at, o.reported_when_requested, o.decided_at, o.in_transparency_report,
             o.shown_as, (SELECT count(*)::int FROM override_owner WHERE override_id = o.id) AS owners_reached
      FROM disclosure_override o`);
    await db.query('DROP VIEW requests_request');
    await db.query(`
      CREATE VIEW requests_request AS
      SELECT id, agency_id, case_number, incident_type, description, window_start, window_end, area, area_radius_meters,
             delivery, status, created_at, expires_at,
             excluded_no_recordings, excluded_blocked, excluded_encrypted, excluded_opt_in_not_given, closed_at, owners_asked,
             notice_channels, agency_sees_unanswered
      FROM footage_request`);
  }
}
