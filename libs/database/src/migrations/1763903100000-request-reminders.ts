import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders to owners who have not answered (the policy's `reminderOffsetsSeconds`, ring-2025's
 * 24 h, 72 h, 10 and 28 days): the offsets in force when a request opens are kept on it, with how
 * many were sent and when the next is due, so a due task sends each once, however far the clock jumps.
 */
export class RequestReminders1763903100000 implements MigrationInterface {
  name = 'RequestReminders1763903100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE footage_request
        ADD COLUMN reminder_offsets integer[] NOT NULL DEFAULT '{}',
        ADD COLUMN reminders_sent integer NOT NULL DEFAULT 0,
        ADD COLUMN next_reminder_at timestamptz NULL,
        ADD CONSTRAINT footage_request_reminders_sent CHECK (reminders_sent BETWEEN 0 AND cardinality(reminder_offsets))`);
    await db.query(`CREATE INDEX footage_request_reminder_due_idx ON footage_request (next_reminder_at) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX footage_request_reminder_due_idx');
    await db.query(`
      ALTER TABLE footage_request
        DROP CONSTRAINT footage_request_reminders_sent,
        DROP COLUMN next_reminder_at, DROP COLUMN reminders_sent, DROP COLUMN reminder_offsets`);
  }
}
