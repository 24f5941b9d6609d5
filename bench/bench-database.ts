import { loadConfig } from '@app/config';
import { runMigrations, withDatabaseName } from '@app/database';
import { ensureDatabase, ensurePostgis } from '../scripts/setup/database.js';

/**
 * Benchmarks load millions of rows: they get their own database, never the demo or test one
 * (`porchlight_bench` unless a benchmark needs data of its own that must not disturb it).
 */
export async function benchDatabaseUrl(name = 'porchlight_bench'): Promise<string> {
  const url = withDatabaseName(loadConfig().database.url, name);
  await ensureDatabase(url);
  await ensurePostgis(url);
  await runMigrations(url);
  return url;
}
