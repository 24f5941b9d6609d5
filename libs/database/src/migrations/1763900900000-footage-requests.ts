import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FootageRequests1763900900000 implements MigrationInterface {
  name = 'FootageRequests1763900900000';

  async up(db: QueryRunner): Promise<void> {
    // A circle is kept as centre point + radius and matched with ST_DWithin: that is the exact
    // disc on the spheroid, where an ST_Buffer polygon is a 32-gon that cuts corners at its edge
    // (a camera just inside the radius could be missed). Polygons are stored as given.
    await db.query(`
      CREATE TABLE footage_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL,
        officer_id uuid NOT NULL,
        case_number text NOT NULL,
        incident_type text NOT NULL,
        description text NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        area geography(Geometry, 4326) NOT NULL,
        area_radius_meters double precision NULL,
        area_square_meters double precision NOT NULL,
        status text NOT NULL DEFAULT 'open',
        policy_profile text NOT NULL,
        delivery text NOT NULL,
        excluded_no_recordings integer NOT NULL DEFAULT 0,
        excluded_blocked integer NOT NULL DEFAULT 0,
        excluded_encrypted integer NOT NULL DEFAULT 0,
        excluded_opt_in_not_given integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        closed_at timestamptz NULL,
        CONSTRAINT footage_request_pkey PRIMARY KEY (id),
        CONSTRAINT footage_request_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT footage_request_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES app_user (id),
        CONSTRAINT footage_request_status_check CHECK (status IN ('open', 'closed', 'expired', 'deleted')),
        CONSTRAINT footage_request_delivery_check CHECK (delivery IN ('private', 'public-post')),
        CONSTRAINT footage_request_window_check CHECK (window_end >= window_start),
        CONSTRAINT footage_request_area_shape CHECK (
          (GeometryType(area) = 'POINT' AND area_radius_meters > 0)
          OR (GeometryType(area) = 'POLYGON' AND area_radius_meters IS NULL)),
        CONSTRAINT footage_request_closed_at_check CHECK ((status = 'open') = (closed_at IS NULL))
      )`);
    // An agency's requests, by status or not, newest first (keyset on created_at, id).
    await db.query(
      'CREATE INDEX footage_request_agency_status_created_idx ON footage_request (agency_id, status, created_at DESC, id DESC)',
    );
    await db.query('CREATE INDEX footage_request_agency_created_idx ON footage_request (agency_id, created_at DESC, id DESC)');
    // Counting the open requests of a case, and finding the ones to expire.
    await db.query(
      "CREATE INDEX footage_request_open_case_idx ON footage_request (agency_id, case_number) WHERE status = 'open'",
    );
    await db.query("CREATE INDEX footage_request_open_expires_idx ON footage_request (expires_at) WHERE status = 'open'");

    // Consent states follow the W3C DPV: requested → given | refused | expired; given → withdrawn.
    await db.query(`
      CREATE TABLE request_recipient (
        request_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        pseudonym_number integer NOT NULL,
        consent_state text NOT NULL DEFAULT 'requested',
        decided_at timestamptz NULL,
        CONSTRAINT request_recipient_pkey PRIMARY KEY (request_id, owner_id),
        CONSTRAINT request_recipient_request_id_fkey FOREIGN KEY (request_id) REFERENCES footage_request (id) ON DELETE CASCADE,
        CONSTRAINT request_recipient_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT request_recipient_pseudonym_key UNIQUE (request_id, pseudonym_number),
        CONSTRAINT request_recipient_pseudonym_positive CHECK (pseudonym_number > 0),
        CONSTRAINT request_recipient_consent_state_check
          CHECK (consent_state IN ('requested', 'given', 'refused', 'expired', 'withdrawn')),
        CONSTRAINT request_recipient_decided_at_check CHECK ((consent_state = 'requested') = (decided_at IS NULL))
      )`);
    // "Requests that reached me".
    await db.query('CREATE INDEX request_recipient_owner_id_idx ON request_recipient (owner_id, request_id)');

    // The recordings offered to each recipient: exactly those overlapping the window.
    await db.query(`
      CREATE TABLE request_offer (
        request_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        recording_id uuid NOT NULL,
        CONSTRAINT request_offer_pkey PRIMARY KEY (request_id, owner_id, recording_id),
        CONSTRAINT request_offer_recipient_fkey FOREIGN KEY (request_id, owner_id)
          REFERENCES request_recipient (request_id, owner_id) ON DELETE CASCADE,
        CONSTRAINT request_offer_recording_id_fkey FOREIGN KEY (recording_id) REFERENCES recording (id) ON DELETE CASCADE
      )`);
    await db.query('CREATE INDEX request_offer_recording_id_idx ON request_offer (recording_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE request_offer');
    await db.query('DROP TABLE request_recipient');
    await db.query('DROP TABLE footage_request');
  }
}
