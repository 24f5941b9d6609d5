import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the consent context publishes to the contexts below it that must respect its holds. */
export class ConsentPublishedViews1763902000000 implements MigrationInterface {
  name = 'ConsentPublishedViews1763902000000';

  async up(db: QueryRunner): Promise<void> {
    // Cameras purge recordings in one statement; evidence under a standing consent must survive
    // it (invariant 8), so the hold is a view cameras reads rather than a call back into consent.
    await db.query(`
      CREATE VIEW consent_evidence_hold AS
      SELECT shared.recording_id, consent.created_at + make_interval(days => consent.retention_days) AS held_until
      FROM consent_recording shared
      JOIN consent ON consent.request_id = shared.request_id AND consent.owner_id = shared.owner_id
      WHERE consent.withdrawn_at IS NULL`);
    await db.query(`
      COMMENT ON VIEW consent_evidence_hold IS
        'Published by consent. One row per recording shared under a consent not withdrawn, with the end of the receipt''s '
        'evidence retention. Read by cameras: a held recording is not purged before held_until.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW consent_evidence_hold');
  }
}
