import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EnablePostgis1763900000000 implements MigrationInterface {
  name = 'EnablePostgis1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS postgis');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP EXTENSION IF EXISTS postgis');
  }
}
