import { ClockModule } from '@app/clock';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule, type UserEntity, UsersService } from '@app/identity';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { AgenciesModule } from '../agencies.module.js';
import { AgenciesService, type AgencyInput } from '../agencies.service.js';

const input: AgencyInput = {
  name: 'Springfield Police Department',
  kind: 'police',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  jurisdiction: {
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.75],
        [-89.6, 39.75],
        [-89.6, 39.85],
        [-89.7, 39.85],
        [-89.7, 39.75],
      ],
    ],
  },
  partnerSince: '2019-08-28',
};

describe('agencies without HTTP (seed, simulator) and the table’s own rules', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let agencies: AgenciesService;
  let users: UsersService;
  let dataSource: DataSource;
  let admin: UserEntity;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig(db.url)), DatabaseModule, ClockModule, IdentityModule, AgenciesModule],
    }).compile();
    agencies = moduleRef.get(AgenciesService);
    users = moduleRef.get(UsersService);
    dataSource = moduleRef.get(getDataSourceToken());
    admin = await users.ensureAdmin();
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  it('creates an agency and its staff through the services alone', async () => {
    const agency = await agencies.create(admin, input);
    const member = { password: 'a-long-enough-password', displayName: 'Chief Wiggum' };
    const chief = await agencies.addMember(admin, agency.id, { ...member, email: 'chief@spd.example.org', role: 'agency_admin' });
    const officer = await agencies.addMember(chief, agency.id, { ...member, email: 'lou@spd.example.org', role: 'officer' });
    expect([chief.agencyId, officer.agencyId]).toEqual([agency.id, agency.id]);
    expect((await agencies.profile(agency.id)).stats).toEqual({ officers: 1, requestsMade: 0, ownersAsked: 0, shares: 0 });
  });

  it('refuses an officer adding staff even when called directly', async () => {
    const agency = await agencies.create(admin, { ...input, name: 'Shelbyville Police' });
    const officer = await users.createAgencyMember(admin, agency.id, {
      email: 'eddie@shelbyville.example.org',
      password: 'a-long-enough-password',
      displayName: 'Eddie',
      role: 'officer',
    });
    await expect(
      agencies.addMember(officer, agency.id, { email: 'x@y.org', password: 'a-long-enough-password', displayName: 'X', role: 'officer' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['a self-intersecting jurisdiction', `ST_GeomFromText('MULTIPOLYGON(((0 0,1 1,1 0,0 1,0 0)))', 4326)::geography`, {}, /agency_jurisdiction_valid/],
    ['an unknown kind', null, { kind: 'army' }, /agency_kind_check/],
    ['a lower-case state', null, { state: 'il' }, /agency_state_check/],
    ['a zip that is not five digits', null, { zip: '627' }, /agency_zip_check/],
  ])('refuses %s written around the api', async (_what, shape, fields, constraint) => {
    const row = { name: 'Rogue', kind: 'police', state: 'IL', zip: '62701', ...fields };
    const square = `ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))', 4326)::geography`;
    await expect(
      dataSource.query(
        `INSERT INTO agency (name, kind, city, state, zip, jurisdiction, partner_since)
         VALUES ($1, $2, 'X', $3, $4, ${shape ?? square}, '2020-01-01')`,
        [row.name, row.kind, row.state, row.zip],
      ),
    ).rejects.toThrow(constraint);
  });
});
