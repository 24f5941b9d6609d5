import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Simulator comparisons asked for from the classroom console (libs/comparisons). One that did not
 * fail is unique per cache key (the scenario as run and the policies), so two asks at once make
 * one comparison and a failed one can be asked for again.
 */
export class SimulationComparisons1763903900000 implements MigrationInterface {
  name = 'SimulationComparisons1763903900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE simulation_comparison (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cache_key text NOT NULL,
        summary jsonb NOT NULL,
        scenario jsonb NOT NULL,
        policies text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        days_done jsonb NOT NULL DEFAULT '{}',
        result jsonb NULL,
        error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX simulation_comparison_cache_key ON simulation_comparison (cache_key) WHERE status <> 'failed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE simulation_comparison');
  }
}
