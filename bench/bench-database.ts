import { loadConfig } from '@app/config';
import { runMigrations, withDatabaseName } from '@app/database';
import { ensureDatabase, ensurePostgis } from '../scripts/setup/database.js';

/** Benchmarks load millions of rows: they get their own database, never the demo or test one. */
export async function benchDatabaseUrl(): Promise<string> {
  const url = withDatabaseName(loadConfig().database.url, 'porchlight_bench');
  await ensureDatabase(url);
  await ensurePostgis(url);
  await runMigrations(url);
  return url;
}
