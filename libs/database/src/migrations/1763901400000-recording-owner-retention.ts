import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each recording carries a copy of its owner's retention choice (NULL = never chose: the active
 * policy's default), written in the transaction of every change to it, like the privacy copy on
 * cameras. Indexed with the end time, so that the purge on every clock tick reads only what is
 * due — one index range per retention value — instead of every recording.
 */
export class RecordingOwnerRetention1763901400000 implements MigrationInterface {
  name = 'RecordingOwnerRetention1763901400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE recording
        ADD COLUMN owner_retention_days integer NULL,
        ADD CONSTRAINT recording_owner_retention_days_range CHECK (owner_retention_days BETWEEN 1 AND 180)`);
    await db.query(`
      UPDATE recording SET owner_retention_days = setting.retention_days
      FROM camera JOIN privacy_setting setting ON setting.user_id = camera.owner_id
      WHERE recording.camera_id = camera.id AND setting.retention_days IS NOT NULL`);
    await db.query('CREATE INDEX recording_owner_retention_ended_at_idx ON recording (owner_retention_days, ended_at)');
    // Fresh statistics for the new column, or the first purges would be planned as if it were unknown.
    await db.query('ANALYZE recording');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX recording_owner_retention_ended_at_idx');
    await db.query(`
      ALTER TABLE recording
        DROP CONSTRAINT recording_owner_retention_days_range,
        DROP COLUMN owner_retention_days`);
  }
}
