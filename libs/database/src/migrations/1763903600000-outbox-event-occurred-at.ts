import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When, in the world's time (the sandbox clock), the change behind an outbox event happened.
 * Handlers run later and concurrently, so what they write about the event (a notice's time) takes
 * this instant, not the moment the handler ran: otherwise a request's "closed" notice could be
 * dated before its "created" one. `created_at` stays delivery bookkeeping in the database's time.
 * Rows written before this column take their `created_at` (real time, which is the world's time
 * outside the sandbox); a row written without one, the database's "now".
 */
export class OutboxEventOccurredAt1763903600000 implements MigrationInterface {
  name = 'OutboxEventOccurredAt1763903600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox_event ADD COLUMN occurred_at timestamptz NULL');
    await db.query('UPDATE outbox_event SET occurred_at = created_at');
    await db.query('ALTER TABLE outbox_event ALTER COLUMN occurred_at SET DEFAULT now(), ALTER COLUMN occurred_at SET NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox_event DROP COLUMN occurred_at');
  }
}
