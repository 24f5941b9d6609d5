import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The overrides context: warrant and emergency disclosures that reach footage without consent. */
export class DisclosureOverrides1763902200000 implements MigrationInterface {
  name = 'DisclosureOverrides1763902200000';

  async up(db: QueryRunner): Promise<void> {
    // What the policy said is copied onto the row when the override is asked for
    // (reported_when_requested) and when it is decided (shown_as, owner_notice_seconds,
    // in_transparency_report): a later policy switch must not rewrite who was told, what police
    // saw or what the public report counts.
    await db.query(`
      CREATE TABLE disclosure_override (
        id uuid NOT NULL,
        request_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        officer_id uuid NOT NULL,
        basis text NOT NULL,
        justification text NOT NULL,
        warrant_reference text NULL,
        camera_ids uuid[] NULL,
        status text NOT NULL,
        excluded_encrypted integer NOT NULL,
        reported_when_requested boolean NOT NULL,
        created_at timestamptz NOT NULL,
        decided_by text NULL,
        decided_at timestamptz NULL,
        decision_reason text NULL,
        warrant_checked boolean NULL,
        shown_as text NULL,
        owner_notice_seconds integer NULL,
        notice_due_at timestamptz NULL,
        owners_noticed_at timestamptz NULL,
        in_transparency_report boolean NULL,
        CONSTRAINT disclosure_override_pkey PRIMARY KEY (id),
        CONSTRAINT disclosure_override_request_id_fkey FOREIGN KEY (request_id) REFERENCES footage_request (id) ON DELETE CASCADE,
        CONSTRAINT disclosure_override_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT disclosure_override_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES app_user (id),
        CONSTRAINT disclosure_override_basis_check CHECK (basis IN ('warrant', 'emergency')),
        CONSTRAINT disclosure_override_warrant_reference CHECK (basis <> 'warrant' OR warrant_reference IS NOT NULL),
        CONSTRAINT disclosure_override_status_check CHECK (status IN ('pending', 'approved', 'refused')),
        CONSTRAINT disclosure_override_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT disclosure_override_decided_terms CHECK (status = 'pending' OR in_transparency_report IS NOT NULL),
        CONSTRAINT disclosure_override_approved_terms CHECK (status <> 'approved' OR shown_as IS NOT NULL),
        CONSTRAINT disclosure_override_shown_as_check CHECK (shown_as IN ('pseudonym', 'identity')),
        CONSTRAINT disclosure_override_notice CHECK ((owner_notice_seconds IS NULL) = (notice_due_at IS NULL))
      )`);
    // The moderation queue, by status in the order overrides arrived.
    await db.query('CREATE INDEX disclosure_override_status_created_idx ON disclosure_override (status, created_at, id)');
    await db.query('CREATE INDEX disclosure_override_request_id_idx ON disclosure_override (request_id)');
    // The transparency report counts by agency over a period of asking and of deciding.
    await db.query('CREATE INDEX disclosure_override_agency_created_idx ON disclosure_override (agency_id, created_at)');
    await db.query('CREATE INDEX disclosure_override_agency_decided_idx ON disclosure_override (agency_id, decided_at) WHERE decided_at IS NOT NULL');
    // The notice task reads only what is due and not yet told.
    await db.query(`
      CREATE INDEX disclosure_override_notice_due_idx ON disclosure_override (notice_due_at)
      WHERE owners_noticed_at IS NULL AND notice_due_at IS NOT NULL`);

    // The owners an override reaches, each with the number police know them by for the request
    // (a recipient keeps theirs; others get the next free one).
    await db.query(`
      CREATE TABLE override_owner (
        override_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        pseudonym_number integer NOT NULL,
        CONSTRAINT override_owner_pkey PRIMARY KEY (override_id, owner_id),
        CONSTRAINT override_owner_override_id_fkey FOREIGN KEY (override_id) REFERENCES disclosure_override (id) ON DELETE CASCADE,
        CONSTRAINT override_owner_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT override_owner_pseudonym_positive CHECK (pseudonym_number > 0)
      )`);
    await db.query('CREATE INDEX override_owner_owner_id_idx ON override_owner (owner_id)');

    // The recordings an override reaches; a recording the owner's retention purges goes with it.
    await db.query(`
      CREATE TABLE override_recording (
        override_id uuid NOT NULL,
        recording_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        CONSTRAINT override_recording_pkey PRIMARY KEY (override_id, recording_id),
        CONSTRAINT override_recording_owner_fkey FOREIGN KEY (override_id, owner_id)
          REFERENCES override_owner (override_id, owner_id) ON DELETE CASCADE,
        CONSTRAINT override_recording_recording_id_fkey FOREIGN KEY (recording_id) REFERENCES recording (id) ON DELETE CASCADE
      )`);
    await db.query('CREATE INDEX override_recording_recording_id_idx ON override_recording (recording_id)');

    await db.query(`
      CREATE VIEW overrides_reached_owner AS
      SELECT override_id, owner_id FROM override_owner`);
    await db.query(`
      CREATE VIEW overrides_report AS
      SELECT o.id, o.agency_id, o.basis, o.status, o.created_at, o.reported_when_requested, o.decided_at, o.in_transparency_report,
             o.shown_as, (SELECT count(*)::int FROM override_owner WHERE override_id = o.id) AS owners_reached
      FROM disclosure_override o`);
    await db.query(`
      COMMENT ON VIEW overrides_report IS
        'Published by overrides. One row per override, without its justification or warrant: agency, basis, status, when asked '
        'and decided, whether the policy at each moment put it in the public report, how owners were shown, how many it reached. '
        'Read by transparency.'`);
    await db.query(`
      COMMENT ON VIEW overrides_reached_owner IS
        'Published by overrides. One row per owner whose footage an override reaches (decided or not). '
        'Read by notifications (the owners told when the policy''s notice period after an approval ends).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW overrides_report');
    await db.query('DROP VIEW overrides_reached_owner');
    await db.query('DROP TABLE override_recording');
    await db.query('DROP TABLE override_owner');
    await db.query('DROP TABLE disclosure_override');
  }
}
