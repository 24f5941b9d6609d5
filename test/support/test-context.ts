import { afterAll, beforeAll } from '@jest/globals';
import type { AppConfig } from '@app/config';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startApi, startWorker, type TestApi } from './test-app.js';
import { testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestContextOptions {
  /** Environment overrides for this file's config (e.g. `{ LOGIN_RATE_LIMIT: '2' }`). */
  env?: Record<string, string | undefined>;
  /** Also run the worker (relay, processors, clock tick) in this process. */
  worker?: boolean;
  /** Extra modules for the worker, e.g. one registering outbox handlers. */
  workerImports?: Parameters<typeof startWorker>[1];
}

export interface TestContext {
  db: TestDatabase;
  config: AppConfig;
  api: TestApi;
  /** Only with `{ worker: true }`. */
  worker: INestApplicationContext;
  dataSource: DataSource;
}

/**
 * One file's world: a cloned database, its config, the real api and optionally the worker,
 * started before the file's tests and torn down after. Fields are filled in by beforeAll.
 */
export function useTestContext(options: TestContextOptions = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.config = testConfig(context.db.url, options.env);
    context.api = await startApi(context.config);
    context.dataSource = context.api.app.get<DataSource>(getDataSourceToken());
    if (options.worker) context.worker = await startWorker(context.config, options.workerImports);
  });
  afterAll(async () => {
    await context.worker?.close();
    await context.api?.close();
    await context.db?.drop();
  });
  return context;
}
