import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import { cloneDatabase, databaseNameOf, testDatabaseUrl, type ClonedDatabase } from '@app/database';

/** The migrated template that `npm test` prepares (see scripts/setup.ts --test). */
export const templateUrl = (): string => testDatabaseUrl(loadConfig().database.url);

export type TestDatabase = ClonedDatabase;

/**
 * A private copy of the migrated test database for one test file: files run in parallel and
 * each starts from an empty, fully migrated schema.
 */
export const createTestDatabase = (): Promise<TestDatabase> => cloneDatabase(templateUrl(), `${databaseNameOf(templateUrl())}_${randomBytes(5).toString('hex')}`);
