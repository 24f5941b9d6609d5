import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEvent1763900200000 implements MigrationInterface {
  name = 'AuditEvent1763900200000';

  async up(db: QueryRunner): Promise<void> {
    // seq is assigned by AuditService under an advisory lock (not a sequence), so it has no
    // holes: a rolled-back transaction never consumes a number. The first row's prev_hash is
    // 64 zeros (the genesis hash). `at` holds whole milliseconds only, because the hash covers
    // its ISO string with ms and a JavaScript Date cannot carry finer precision back.
    await db.query(`
      CREATE TABLE audit_event (
        seq bigint NOT NULL,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT audit_event_pkey PRIMARY KEY (seq),
        CONSTRAINT audit_event_seq_positive CHECK (seq > 0),
        CONSTRAINT audit_event_at_whole_ms CHECK (at = date_trunc('milliseconds', at)),
        CONSTRAINT audit_event_data_object CHECK (jsonb_typeof(data) = 'object'),
        CONSTRAINT audit_event_hash_format CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$')
      )`);
    // The admin log is browsed newest first, filtered by one of these columns.
    await db.query('CREATE INDEX audit_event_actor_seq_idx ON audit_event (actor, seq)');
    await db.query('CREATE INDEX audit_event_action_seq_idx ON audit_event (action, seq)');
    await db.query('CREATE INDEX audit_event_subject_seq_idx ON audit_event (subject, seq)');
    await db.query('CREATE INDEX audit_event_at_idx ON audit_event (at)');

    // The database itself keeps the log append-only, whatever the application does.
    await db.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
    // Only the sandbox reset may empty the log, by setting porchlight.allow_truncate with SET LOCAL.
    await db.query(`
      CREATE FUNCTION audit_event_guard_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('porchlight.allow_truncate', true) IS DISTINCT FROM 'on' THEN
          RAISE EXCEPTION 'audit_event is append-only: TRUNCATE needs porchlight.allow_truncate = on'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER audit_event_truncate_guard BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_guard_truncate()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_event');
    await db.query('DROP FUNCTION audit_event_guard_truncate()');
    await db.query('DROP FUNCTION audit_event_refuse_change()');
  }
}
