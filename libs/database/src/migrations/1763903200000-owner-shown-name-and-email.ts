import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A third answer to "who police see when an owner shares" (ring-2025: name and email, without the
 * address that ring-2021 also gives): an override approved under it keeps that on its row.
 */
export class OwnerShownNameAndEmail1763903200000 implements MigrationInterface {
  name = 'OwnerShownNameAndEmail1763903200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE disclosure_override
        DROP CONSTRAINT disclosure_override_shown_as_check,
        ADD CONSTRAINT disclosure_override_shown_as_check CHECK (shown_as IN ('pseudonym', 'name-and-email', 'identity'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE disclosure_override
        DROP CONSTRAINT disclosure_override_shown_as_check,
        ADD CONSTRAINT disclosure_override_shown_as_check CHECK (shown_as IN ('pseudonym', 'identity'))`);
  }
}
