import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cameras1763900800000 implements MigrationInterface {
  name = 'Cameras1763900800000';

  async up(db: QueryRunner): Promise<void> {
    // h3_r9 is computed from location when the camera is written (never by a trigger), so the
    // coverage map groups by a stored, indexed column instead of computing cells per query.
    await db.query(`
      CREATE TABLE camera (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        label text NOT NULL,
        location geography(Point, 4326) NOT NULL,
        h3_r9 text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT camera_pkey PRIMARY KEY (id),
        CONSTRAINT camera_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT camera_label_length CHECK (char_length(label) BETWEEN 1 AND 80),
        CONSTRAINT camera_h3_r9_format CHECK (h3_r9 ~ '^89[0-9a-f]{13}$')
      )`);
    // Area matching uses ST_DWithin/ST_Intersects on the geography; bounding boxes use the
    // geometry cast, which is exact and fast with its own expression index (PERFORMANCE.md).
    await db.query('CREATE INDEX camera_location_gist ON camera USING gist (location)');
    await db.query('CREATE INDEX camera_location_geometry_gist ON camera USING gist ((location::geometry))');
    await db.query('CREATE INDEX camera_h3_r9_idx ON camera (h3_r9)');
    await db.query('CREATE INDEX camera_owner_id_created_at_idx ON camera (owner_id, created_at DESC, id DESC)');

    // INCLUDE (ended_at) makes "recordings of these cameras overlapping a window" index-only.
    await db.query(`
      CREATE TABLE recording (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        camera_id uuid NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL,
        trigger text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT recording_pkey PRIMARY KEY (id),
        CONSTRAINT recording_camera_id_fkey FOREIGN KEY (camera_id) REFERENCES camera (id) ON DELETE CASCADE,
        CONSTRAINT recording_ends_after_start CHECK (ended_at > started_at),
        CONSTRAINT recording_at_most_one_hour CHECK (ended_at - started_at <= interval '1 hour'),
        CONSTRAINT recording_trigger_check CHECK (trigger IN ('motion', 'ring', 'live'))
      )`);
    await db.query(
      'CREATE INDEX recording_camera_id_started_at_idx ON recording (camera_id, started_at) INCLUDE (ended_at)',
    );

    // NULL means "never chose": the active policy's default applies, so switching policy
    // changes what such an owner gets. A missing row means the same as a row of NULLs.
    await db.query(`
      CREATE TABLE privacy_setting (
        user_id uuid NOT NULL,
        police_requests text NULL,
        retention_days integer NULL,
        end_to_end_encryption boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL,
        CONSTRAINT privacy_setting_pkey PRIMARY KEY (user_id),
        CONSTRAINT privacy_setting_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT privacy_setting_police_requests_check CHECK (police_requests IN ('receive', 'block')),
        CONSTRAINT privacy_setting_retention_days_range CHECK (retention_days BETWEEN 1 AND 180)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE privacy_setting');
    await db.query('DROP TABLE recording');
    await db.query('DROP TABLE camera');
  }
}
