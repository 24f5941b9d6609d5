import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763901200000 implements MigrationInterface {
  name = 'Notifications1763901200000';

  async up(db: QueryRunner): Promise<void> {
    // Unique per (event, user): a fan-out job that runs twice (retry, crash, relay duplicate)
    // can never give anyone a second row, and its INSERT … ON CONFLICT DO NOTHING RETURNING
    // tells which rows are new, so only those are pushed over the socket.
    await db.query(`
      CREATE TABLE notification (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        user_id uuid NOT NULL,
        type text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        read_at timestamptz NULL,
        CONSTRAINT notification_pkey PRIMARY KEY (id),
        CONSTRAINT notification_event_user_key UNIQUE (event_id, user_id),
        CONSTRAINT notification_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    // The inbox, newest first (keyset), and the unread count/filter.
    await db.query('CREATE INDEX notification_user_created_idx ON notification (user_id, created_at DESC, id DESC)');
    await db.query(
      'CREATE INDEX notification_user_unread_idx ON notification (user_id, created_at DESC, id DESC) WHERE read_at IS NULL',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification');
  }
}
