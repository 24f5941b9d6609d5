import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import { databaseNameOf, testDatabaseUrl, withDatabaseName } from '@app/database';
import pg from 'pg';

/** The migrated template that `npm test` prepares (see scripts/setup.ts --test). */
export const templateUrl = (): string => testDatabaseUrl(loadConfig().database.url);

async function onMaintenance<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(templateUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A private copy of the migrated test database for one test file: files run in parallel and
 * each starts from an empty, fully migrated schema (cloning takes ~100 ms, migrating ~seconds).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = databaseNameOf(templateUrl());
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  await onMaintenance(async (client) => {
    // Two clones of one template at the same instant can collide; try again briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: withDatabaseName(templateUrl(), name),
    drop: () => onMaintenance((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
