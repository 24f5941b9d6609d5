import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKey1763900500000 implements MigrationInterface {
  name = 'IdempotencyKey1763900500000';

  async up(db: QueryRunner): Promise<void> {
    // A row is claimed (status_code NULL) before the handler runs and completed after it, so a
    // duplicate that arrives meanwhile finds the claim instead of running the handler twice.
    // scope is the caller's user id, or 'anonymous' on public routes.
    await db.query(`
      CREATE TABLE idempotency_key (
        scope text NOT NULL,
        key text NOT NULL,
        route text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NULL,
        response_body jsonb NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT idempotency_key_pkey PRIMARY KEY (scope, key),
        CONSTRAINT idempotency_key_key_length CHECK (char_length(key) BETWEEN 1 AND 255),
        CONSTRAINT idempotency_key_status_code_range CHECK (status_code BETWEEN 100 AND 599)
      )`);
    await db.query('CREATE INDEX idempotency_key_expires_at_idx ON idempotency_key (expires_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_key');
  }
}
