import { ClockModule, DueTaskRegistry } from '@app/clock';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IDEMPOTENCY_PURGE_TASK, IdempotencyPurgeModule } from '@app/idempotency';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';

describe('idempotency key purge (a due task of the worker)', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig(db.url)), DatabaseModule, ClockModule, IdempotencyPurgeModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  it('deletes the keys expired by the tick time and keeps the others', async () => {
    const registry = moduleRef.get(DueTaskRegistry);
    expect(registry.names).toContain(IDEMPOTENCY_PURGE_TASK);
    await dataSource.query(
      `INSERT INTO idempotency_key (scope, key, route, request_hash, status_code, response_body, created_at, expires_at)
       VALUES ('anonymous', 'old', 'POST /api/x', 'h', 201, '{}', '2030-01-01', '2030-01-02'),
              ('anonymous', 'pending-old', 'POST /api/x', 'h', NULL, NULL, '2030-01-01', '2030-01-02'),
              ('anonymous', 'fresh', 'POST /api/x', 'h', 201, '{}', '2030-01-02', '2030-01-03')`,
    );
    expect(await registry.runAll(new Date('2030-01-02T12:00:00Z'), dataSource.manager)).toEqual({ ran: registry.names, failed: [] });
    expect(await dataSource.query('SELECT key FROM idempotency_key ORDER BY key')).toEqual([{ key: 'fresh' }]);
  });
});
