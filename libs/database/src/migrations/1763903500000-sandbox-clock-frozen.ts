import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sandbox clock that stands still (the simulator's steps): while `frozen_at` is set, "now" is
 * exactly that instant in every process, so a run's timestamps depend on its events alone and
 * not on how long the machine took between them.
 */
export class SandboxClockFrozen1763903500000 implements MigrationInterface {
  name = 'SandboxClockFrozen1763903500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE sandbox_clock ADD COLUMN frozen_at timestamptz NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE sandbox_clock DROP COLUMN frozen_at');
  }
}
