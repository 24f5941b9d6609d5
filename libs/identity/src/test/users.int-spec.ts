import { ClockModule } from '@app/clock';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ConflictError } from '@app/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { IdentityModule } from '../identity.module.js';
import { AuthService } from '../auth.service.js';
import { UsersService } from '../users.service.js';

const ADMIN_EMAIL = 'Root@Porchlight.Test';

describe('users: the configured admin and the table rules', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let users: UsersService;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig(db.url, { ADMIN_EMAIL })),
        DatabaseModule,
        ClockModule,
        IdentityModule,
      ],
    }).compile();
    users = moduleRef.get(UsersService);
    dataSource = moduleRef.get(getDataSourceToken());
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM app_user');
  });

  it('creates the admin once, however often and however concurrently it is ensured', async () => {
    const admins = await Promise.all([users.ensureAdmin(), users.ensureAdmin(), users.ensureAdmin()]);
    const again = await users.ensureAdmin();
    expect(new Set([...admins, again].map((admin) => admin.id)).size).toBe(1);
    expect(again).toMatchObject({ email: 'root@porchlight.test', role: 'admin' });
    expect(await dataSource.query('SELECT count(*)::int AS n FROM app_user')).toEqual([{ n: 1 }]);
  });

  it('runs inside the caller’s transaction: rolled back with it', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await users.ensureAdmin(manager);
        throw new Error('caller fails later');
      }),
    ).rejects.toThrow('caller fails later');
    expect(await dataSource.query('SELECT count(*)::int AS n FROM app_user')).toEqual([{ n: 0 }]);
  });

  it('never promotes a resident who registered with the admin email', async () => {
    await moduleRef.get(AuthService).register({ email: ADMIN_EMAIL, password: 'a-long-password', displayName: 'Squatter' });
    await expect(users.ensureAdmin()).rejects.toThrow(ConflictError);
    expect(await dataSource.query('SELECT role FROM app_user')).toEqual([{ role: 'resident' }]);
  });

  it('keeps emails unique across letter case even for rows written around the application', async () => {
    const insert = (email: string) =>
      dataSource.query(
        `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'X', 'resident', 'h')`,
        [email],
      );
    await insert('ann@x.org');
    await expect(insert('ANN@x.org')).rejects.toThrow(/app_user_email_lowercase/);
    await expect(
      dataSource.query(`INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('ann@x.org', 'X', 'resident', 'h')`),
    ).rejects.toThrow(/app_user_email_key/);
  });

  it('accepts only the five roles, and an agency exactly for officers and agency admins', async () => {
    const insert = (role: string, agencyId: string | null) =>
      dataSource.query(
        `INSERT INTO app_user (email, display_name, role, agency_id, password_hash) VALUES ($1, 'X', $2, $3, 'h')`,
        [`${role}-${agencyId ?? 'none'}@x.org`, role, agencyId],
      );
    const agency = '00000000-0000-4000-8000-000000000001';
    // Staff must point at an existing agency (app_user_agency_id_fkey, added with the agency table).
    await dataSource.query(
      `INSERT INTO agency (id, name, kind, city, state, zip, jurisdiction, partner_since)
       VALUES ($1, 'PD', 'police', 'Town', 'IL', '62701', ST_GeogFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))'), '2020-01-01')`,
      [agency],
    );
    await expect(insert('superuser', null)).rejects.toThrow(/app_user_role_check/);
    await expect(insert('officer', null)).rejects.toThrow(/app_user_agency_matches_role/);
    await expect(insert('resident', agency)).rejects.toThrow(/app_user_agency_matches_role/);
    await insert('officer', agency);
    await insert('agency_admin', agency);
    await insert('moderator', null);
  });
});
