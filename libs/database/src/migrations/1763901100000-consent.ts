import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Consent1763901100000 implements MigrationInterface {
  name = 'Consent1763901100000';

  async up(db: QueryRunner): Promise<void> {
    // One decision per recipient (the unique key makes a second answer impossible even under a
    // race). The receipt is stored as it was hashed, so GET returns exactly the sealed document.
    // identity_disclosed and retention_days are fixed at the moment of consent: a later policy
    // switch must not widen what the owner agreed to.
    await db.query(`
      CREATE TABLE consent (
        id uuid NOT NULL,
        request_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        decision text NOT NULL,
        identity_disclosed boolean NOT NULL,
        retention_days integer NOT NULL,
        receipt jsonb NOT NULL,
        hash text NOT NULL,
        created_at timestamptz NOT NULL,
        withdrawn_at timestamptz NULL,
        CONSTRAINT consent_pkey PRIMARY KEY (id),
        CONSTRAINT consent_recipient_key UNIQUE (request_id, owner_id),
        CONSTRAINT consent_recipient_fkey FOREIGN KEY (request_id, owner_id)
          REFERENCES request_recipient (request_id, owner_id) ON DELETE CASCADE,
        CONSTRAINT consent_decision_check CHECK (decision IN ('share', 'decline')),
        CONSTRAINT consent_retention_days_positive CHECK (retention_days > 0),
        CONSTRAINT consent_hash_format CHECK (hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT consent_withdrawn_only_shares CHECK (decision = 'share' OR withdrawn_at IS NULL)
      )`);
    await db.query('CREATE INDEX consent_owner_id_idx ON consent (owner_id)');

    // Invariant 3 held by the database too: a shared recording must be one that was offered to
    // this owner for this request (the foreign key to request_offer).
    await db.query(`
      CREATE TABLE consent_recording (
        request_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        recording_id uuid NOT NULL,
        CONSTRAINT consent_recording_pkey PRIMARY KEY (request_id, owner_id, recording_id),
        CONSTRAINT consent_recording_consent_fkey FOREIGN KEY (request_id, owner_id)
          REFERENCES consent (request_id, owner_id) ON DELETE CASCADE,
        CONSTRAINT consent_recording_offer_fkey FOREIGN KEY (request_id, owner_id, recording_id)
          REFERENCES request_offer (request_id, owner_id, recording_id) ON DELETE CASCADE
      )`);
    // Retention checks whether a recording is held as shared evidence.
    await db.query('CREATE INDEX consent_recording_recording_id_idx ON consent_recording (recording_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE consent_recording');
    await db.query('DROP TABLE consent');
  }
}
