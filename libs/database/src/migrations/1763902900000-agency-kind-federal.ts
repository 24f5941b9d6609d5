import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Federal agencies (DESIGN.md, `POST /api/agencies`): partners whose requests a policy may refuse (ring-2025: ICE is not eligible). */
export class AgencyKindFederal1763902900000 implements MigrationInterface {
  name = 'AgencyKindFederal1763902900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE agency DROP CONSTRAINT agency_kind_check,
        ADD CONSTRAINT agency_kind_check CHECK (kind IN ('police', 'sheriff', 'fire', 'federal'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE agency DROP CONSTRAINT agency_kind_check,
        ADD CONSTRAINT agency_kind_check CHECK (kind IN ('police', 'sheriff', 'fire'))`);
  }
}
