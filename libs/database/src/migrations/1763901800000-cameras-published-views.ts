import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the cameras context publishes of its recordings to the contexts above it. */
export class CamerasPublishedViews1763901800000 implements MigrationInterface {
  name = 'CamerasPublishedViews1763901800000';

  async up(db: QueryRunner): Promise<void> {
    // A LEFT JOIN (every recording has its camera) so that the planner drops the camera when a
    // query reads none of its columns: matching a request reads recordings alone, by their index.
    await db.query(`
      CREATE VIEW cameras_recording AS
      SELECT recording.id, recording.camera_id, camera.owner_id, recording.started_at, recording.ended_at,
             recording.trigger, camera.label AS camera_label, camera.location AS camera_location
      FROM recording
      LEFT JOIN camera ON camera.id = recording.camera_id`);
    await db.query(`
      COMMENT ON VIEW cameras_recording IS
        'Published by cameras. One row per recording that still exists (retention deletes them): its camera, the camera''s owner, '
        'time span and trigger, and the camera''s label and place as they are now. '
        'Read by requests (which recordings a request reaches) and consent (what an owner was offered and shared).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW cameras_recording');
  }
}
