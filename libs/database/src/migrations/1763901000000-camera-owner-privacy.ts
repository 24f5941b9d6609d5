import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CameraOwnerPrivacy1763901000000 implements MigrationInterface {
  name = 'CameraOwnerPrivacy1763901000000';

  async up(db: QueryRunner): Promise<void> {
    // A copy of the owner's privacy_setting on each camera, kept in step by every write that
    // changes either, so the coverage map counts cameras without joining the owners' settings
    // per query (~40 of its ~50 ms on 1M cameras, bench/README.md). NULL keeps "never chose":
    // the active policy's default is applied at query time, so switching policy still counts.
    await db.query(`
      ALTER TABLE camera
        ADD COLUMN owner_police_requests text NULL,
        ADD COLUMN owner_e2ee boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT camera_owner_police_requests_check CHECK (owner_police_requests IN ('receive', 'block'))`);
    await db.query(`
      UPDATE camera
      SET owner_police_requests = setting.police_requests, owner_e2ee = setting.end_to_end_encryption
      FROM privacy_setting AS setting
      WHERE setting.user_id = camera.owner_id`);
    // Covering: coverage reads cell and choices from the index alone (index-only once vacuumed).
    await db.query('CREATE INDEX camera_h3_r9_privacy_idx ON camera (h3_r9) INCLUDE (owner_police_requests, owner_e2ee)');
    await db.query('DROP INDEX camera_h3_r9_idx');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX camera_h3_r9_idx ON camera (h3_r9)');
    await db.query('DROP INDEX camera_h3_r9_privacy_idx');
    await db.query(`
      ALTER TABLE camera
        DROP CONSTRAINT camera_owner_police_requests_check,
        DROP COLUMN owner_e2ee,
        DROP COLUMN owner_police_requests`);
  }
}
