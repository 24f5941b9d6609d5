import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fourth shipped profile (DESIGN.md, "Policies"): Ring's 2025 Community Requests. */
export class PolicyProfileRing20251763903400000 implements MigrationInterface {
  name = 'PolicyProfileRing20251763903400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE policy_setting
        DROP CONSTRAINT policy_setting_profile_check,
        ADD CONSTRAINT policy_setting_profile_check CHECK (profile IN ('ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE policy_setting
        DROP CONSTRAINT policy_setting_profile_check,
        ADD CONSTRAINT policy_setting_profile_check CHECK (profile IN ('ring-2019', 'ring-2021', 'privacy-by-design'))`);
  }
}
