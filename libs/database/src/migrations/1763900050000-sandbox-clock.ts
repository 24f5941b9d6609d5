import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SandboxClock1763900050000 implements MigrationInterface {
  name = 'SandboxClock1763900050000';

  async up(db: QueryRunner): Promise<void> {
    // A single row (id is always true) holding how far sandbox time is ahead of real time.
    await db.query(`
      CREATE TABLE sandbox_clock (
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT sandbox_clock_single_row CHECK (id),
        offset_ms bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sandbox_clock');
  }
}
