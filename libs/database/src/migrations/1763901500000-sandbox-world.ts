import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SandboxWorld1763901500000 implements MigrationInterface {
  name = 'SandboxWorld1763901500000';

  async up(db: QueryRunner): Promise<void> {
    // A single row: the generation of the sandbox's world, one more after each reset (which
    // empties every other table but never this one). Jobs carry the generation they were queued
    // in, so a job of an earlier world can tell that it must do nothing (libs/world).
    await db.query(`
      CREATE TABLE sandbox_world (
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT sandbox_world_single_row CHECK (id),
        generation bigint NOT NULL CONSTRAINT sandbox_world_generation_positive CHECK (generation > 0)
      )`);
    await db.query('INSERT INTO sandbox_world (generation) VALUES (1)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sandbox_world');
  }
}
