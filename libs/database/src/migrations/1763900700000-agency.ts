import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Agency1763900700000 implements MigrationInterface {
  name = 'Agency1763900700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agency (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        city text NOT NULL,
        state text NOT NULL,
        zip text NOT NULL,
        -- Always a MultiPolygon, so one column type holds every shape an agency may cover.
        jurisdiction geography(MultiPolygon, 4326) NOT NULL,
        partner_since date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_pkey PRIMARY KEY (id),
        CONSTRAINT agency_kind_check CHECK (kind IN ('police', 'sheriff', 'fire')),
        CONSTRAINT agency_name_length CHECK (char_length(name) BETWEEN 1 AND 120),
        CONSTRAINT agency_city_length CHECK (char_length(city) BETWEEN 1 AND 80),
        CONSTRAINT agency_state_check CHECK (state ~ '^[A-Z]{2}$'),
        CONSTRAINT agency_zip_check CHECK (zip ~ '^[0-9]{5}$'),
        -- The api checks this first (with the reason); the table refuses a write around it.
        CONSTRAINT agency_jurisdiction_valid CHECK (ST_IsValid(jurisdiction::geometry))
      )`);
    await db.query('CREATE INDEX agency_jurisdiction_idx ON agency USING gist (jurisdiction)');
    await db.query('CREATE INDEX agency_zip_idx ON agency (zip)');
    await db.query(
      'ALTER TABLE app_user ADD CONSTRAINT app_user_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agency (id)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE app_user DROP CONSTRAINT app_user_agency_id_fkey');
    await db.query('DROP TABLE agency');
  }
}
