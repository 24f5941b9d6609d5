import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PolicySetting1763900600000 implements MigrationInterface {
  name = 'PolicySetting1763900600000';

  async up(db: QueryRunner): Promise<void> {
    // A single row (id is always true): the active profile and the fields changed on top of it.
    // The profiles themselves live in code; no row means the configured default, unchanged.
    await db.query(`
      CREATE TABLE policy_setting (
        id boolean NOT NULL DEFAULT true,
        profile text NOT NULL,
        overrides jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_setting_pkey PRIMARY KEY (id),
        CONSTRAINT policy_setting_single_row CHECK (id),
        CONSTRAINT policy_setting_profile_check CHECK (profile IN ('ring-2019', 'ring-2021', 'privacy-by-design')),
        CONSTRAINT policy_setting_overrides_object CHECK (jsonb_typeof(overrides) = 'object')
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE policy_setting');
  }
}
