import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taking a lock and then reading what it guards, in one round trip. A single SELECT would not
 * do: it reads with the snapshot taken when it started, before it waited for the lock, so it
 * would miss what the lock's previous holder committed. A VOLATILE function's own statements
 * each read with a new snapshot, so the read inside follows the lock. Both run on every world
 * fence (libs/world) and every audit append (libs/audit), thousands of times a simulated day.
 */
export class FenceAndHeadInOneCall1763903800000 implements MigrationInterface {
  name = 'FenceAndHeadInOneCall1763903800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION world_enter(fence bigint, for_transaction boolean) RETURNS bigint
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE current bigint;
      BEGIN
        IF for_transaction THEN PERFORM pg_advisory_xact_lock_shared(fence); ELSE PERFORM pg_advisory_lock_shared(fence); END IF;
        SELECT generation INTO current FROM sandbox_world;
        RETURN current;
      END $$`);
    await db.query(`
      COMMENT ON FUNCTION world_enter(bigint, boolean) IS
        'Owned by world. Holds the world fence shared (until the transaction ends, or the session unlocks it) and answers the '
        'generation of the world it holds: the one after any reset that held the fence before.'`);
    await db.query(`
      CREATE FUNCTION audit_lock_head(append_lock bigint) RETURNS TABLE (seq bigint, hash text)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(append_lock);
        RETURN QUERY SELECT event.seq, event.hash FROM audit_event event ORDER BY event.seq DESC LIMIT 1;
      END $$`);
    await db.query(`
      COMMENT ON FUNCTION audit_lock_head(bigint) IS
        'Owned by audit. Waits for every other appender''s transaction to end, holds the append lock until this one ends, and '
        'answers the committed head of the chain (no row: the chain is empty).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION audit_lock_head(bigint)');
    await db.query('DROP FUNCTION world_enter(bigint, boolean)');
  }
}
