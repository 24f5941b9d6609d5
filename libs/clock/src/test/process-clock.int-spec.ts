import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { Clock } from '../clock.js';
import { ClockModule } from '../clock.module.js';

/** The simulator's clock: its api and worker contexts share one configuration, and so one time. */
describe('a sandbox clock kept in the process (SANDBOX_CLOCK=process)', () => {
  let db: TestDatabase;
  const contexts: INestApplicationContext[] = [];
  const context = async (config: AppConfig) => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), DatabaseModule, ClockModule] }).compile();
    moduleRef.useLogger(false);
    contexts.push(await moduleRef.init());
    return contexts.at(-1)!;
  };
  const storedClock = async (dataSource: DataSource) => dataSource.query('SELECT offset_ms, frozen_at FROM sandbox_clock');

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const opened of contexts) await opened.close();
    await db?.drop();
  });

  it('is one time for every context built from one configuration, another for another, and never the database row', async () => {
    const env = { SANDBOX_CLOCK: 'process', PIPELINES: 'inline' };
    const runConfig = testConfig(db.url, env);
    const [api, worker, otherRun] = [await context(runConfig), await context(runConfig), await context(testConfig(db.url, env))];
    const dataSource = api.get<DataSource>(getDataSourceToken());
    const before = await storedClock(dataSource);

    const at = new Date('2031-01-02T03:04:05.000Z');
    await api.get(Clock).freezeAt(at);
    expect(await worker.get(Clock).now()).toEqual(at);
    expect(await api.get(Clock).now()).toEqual(at);
    expect(Math.abs((await otherRun.get(Clock).now()).getTime() - Date.now())).toBeLessThan(60_000);

    await worker.get(Clock).setNow(new Date('2031-06-01T00:00:00.000Z'));
    expect((await api.get(Clock).now()).getTime()).toBeGreaterThanOrEqual(Date.parse('2031-06-01T00:00:00.000Z'));
    expect(await storedClock(dataSource)).toEqual(before);
  });
});
