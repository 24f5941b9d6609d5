import { AuditModule, AuditService } from '@app/audit';
import { ClockModule } from '@app/clock';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { PolicyViolationError } from '@app/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PROFILES } from '../domain/policy.js';
import { checkAreaSize } from '../domain/rules/area-size.js';
import { PolicyModule } from '../policy.module.js';
import { PolicyChangeRecorder, type RecordedPolicyChange } from '../policy-change-recorder.js';
import { PolicyChanges } from '../policy-changes.service.js';
import { enforce, PolicyService } from '../policy.service.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';

describe('policy service: one active policy in PostgreSQL', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let policy: PolicyService;
  let changes: PolicyChanges;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig(db.url, { DEFAULT_POLICY_PROFILE: 'privacy-by-design' })),
        DatabaseModule,
        ClockModule,
        AuditModule,
        PolicyModule,
      ],
      // As the api binds it (apps/api/src/policy-audit.module.ts): into the real audit log.
      providers: [
        PolicyChanges,
        {
          provide: PolicyChangeRecorder,
          inject: [AuditService],
          useFactory: (audit: AuditService): PolicyChangeRecorder => ({
            record: (manager, { actor, ...data }: RecordedPolicyChange) => audit.record(manager, { actor, action: 'policy.changed', subject: 'policy', data }).then(() => undefined),
          }),
        },
      ],
    }).compile();
    await moduleRef.init();
    policy = moduleRef.get(PolicyService);
    changes = moduleRef.get(PolicyChanges);
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });
  beforeEach(() => dataSource.query('DELETE FROM policy_setting'));

  it('answers the configured default profile while no policy is stored', async () => {
    expect(await policy.active()).toEqual({ profile: 'privacy-by-design', ...PROFILES['privacy-by-design'] });
  });

  it('stores only the fields that differ from the profile', async () => {
    await changes.update('system', { profile: 'ring-2021', coverageKAnonymity: 3, heatmapMinPosts: 10 });
    const [row] = await dataSource.query('SELECT profile, overrides FROM policy_setting');
    expect(row).toEqual({ profile: 'ring-2021', overrides: { heatmapMinPosts: 10 } });
  });

  it('sees a change made earlier in the same transaction when given its manager', async () => {
    await dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO policy_setting (id, profile, overrides, updated_at) VALUES (true, 'ring-2019', '{"coverageKAnonymity": 2}', now())`);
        expect((await policy.active(manager)).coverageKAnonymity).toBe(2);
        expect((await policy.active()).coverageKAnonymity).toBe(5);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await policy.active()).profile).toBe('privacy-by-design');
  });

  it('keeps every field of concurrent changes to different fields', async () => {
    await Promise.all([
      changes.update('system', { coverageKAnonymity: 7 }),
      changes.update('system', { defaultRetentionDays: 90 }),
      changes.update('system', { heatmapMinPosts: 4 }),
    ]);
    expect(await policy.active()).toMatchObject({ coverageKAnonymity: 7, defaultRetentionDays: 90, heatmapMinPosts: 4 });
  });

  it('refuses to enforce a stored policy that no longer validates', async () => {
    await dataSource.query(`INSERT INTO policy_setting (id, profile, overrides, updated_at) VALUES (true, 'ring-2019', '{"coverageKAnonymity": 0}', now())`);
    await expect(policy.active()).rejects.toThrow(/coverageKAnonymity/);
  });

  it('turns a broken rule into a 422 policy error with its code and details', () => {
    expect(() => enforce(checkAreaSize(PROFILES['ring-2019'], 2e6))).toThrow(PolicyViolationError);
    try {
      enforce(checkAreaSize(PROFILES['ring-2019'], 2e6));
    } catch (error) {
      expect(error).toMatchObject({ kind: 'policy', code: 'POLICY_AREA_TOO_LARGE', details: { actualSquareMeters: 2e6 } });
    }
    expect(() => enforce(null)).not.toThrow();
  });
});
