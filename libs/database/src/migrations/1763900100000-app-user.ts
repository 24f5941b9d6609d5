import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AppUser1763900100000 implements MigrationInterface {
  name = 'AppUser1763900100000';

  async up(db: QueryRunner): Promise<void> {
    // Named app_user, not "user": unquoted `user` is a PostgreSQL keyword, and
    // `SELECT … FROM user` silently reads current_user instead of failing.
    await db.query(`
      CREATE TABLE app_user (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL,
        -- The agency table arrives with the agencies context; its foreign key is added there.
        agency_id uuid NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_pkey PRIMARY KEY (id),
        CONSTRAINT app_user_email_lowercase CHECK (email = lower(email)),
        CONSTRAINT app_user_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 80),
        CONSTRAINT app_user_role_check CHECK (role IN ('resident', 'officer', 'agency_admin', 'moderator', 'admin')),
        CONSTRAINT app_user_agency_matches_role CHECK ((role IN ('officer', 'agency_admin')) = (agency_id IS NOT NULL))
      )`);
    // Emails are stored lowercased (checked above); the index on lower() keeps uniqueness
    // case-insensitive even for a row written around the application.
    await db.query('CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))');
    await db.query('CREATE INDEX app_user_agency_id_idx ON app_user (agency_id) WHERE agency_id IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE app_user');
  }
}
