import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1763900300000 implements MigrationInterface {
  name = 'Outbox1763900300000';

  async up(db: QueryRunner): Promise<void> {
    // Timestamps here are delivery bookkeeping in the database's own time, not domain time: a moved
    // sandbox clock must not reorder or hide real deliveries.
    await db.query(`
      CREATE TABLE outbox_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        CONSTRAINT outbox_event_pkey PRIMARY KEY (id)
      )`);
    // The relay only ever scans unsent rows, oldest first; sent rows drop out of the index.
    await db.query('CREATE INDEX outbox_event_unsent_idx ON outbox_event (created_at) WHERE sent_at IS NULL');
    await db.query(`
      CREATE TABLE processed_event (
        event_id uuid NOT NULL,
        handler text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT processed_event_pkey PRIMARY KEY (event_id, handler)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE processed_event');
    await db.query('DROP TABLE outbox_event');
  }
}
