import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a consent discloses the owner's identity, each shared recording keeps the camera's label
 * and place as they were when the owner shared it: police learn the place the owner agreed to
 * disclose, not wherever the camera stands later. Pseudonymous shares keep neither (NULL).
 */
export class ConsentCameraPlace1763901300000 implements MigrationInterface {
  name = 'ConsentCameraPlace1763901300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE consent_recording
        ADD COLUMN camera_label text NULL,
        ADD COLUMN camera_location geography(Point, 4326) NULL,
        ADD CONSTRAINT consent_recording_camera_place_check CHECK ((camera_label IS NULL) = (camera_location IS NULL))`);
    // Shares made before this migration: the camera's place now is the best left to keep.
    await db.query(`
      UPDATE consent_recording shared
      SET camera_label = camera.label, camera_location = camera.location
      FROM consent, recording, camera
      WHERE consent.request_id = shared.request_id AND consent.owner_id = shared.owner_id AND consent.identity_disclosed
        AND recording.id = shared.recording_id AND camera.id = recording.camera_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE consent_recording
        DROP CONSTRAINT consent_recording_camera_place_check,
        DROP COLUMN camera_location,
        DROP COLUMN camera_label`);
  }
}
