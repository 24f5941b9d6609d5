import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the audit context publishes of its log to the contexts above it (read-only; audit writes it). */
export class AuditPublishedViews1763902100000 implements MigrationInterface {
  name = 'AuditPublishedViews1763902100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW audit_entry AS
      SELECT seq, at, actor, action, subject, data FROM audit_event`);
    await db.query(`
      COMMENT ON VIEW audit_entry IS
        'Published by audit. One row per audit event without its hash chain: sequence, time, actor, action, subject, data. '
        'Read by consent (who looked at an owner''s footage, served by audit_event_subject_seq_idx).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW audit_entry');
  }
}
