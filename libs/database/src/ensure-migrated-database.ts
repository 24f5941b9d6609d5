import { databaseNameOf } from './database-url.js';
import { onServer } from './on-server.js';
import { runMigrations } from './run-migrations.js';

/**
 * Makes the database at `url` exist with every migration applied: a template that processes
 * clone (a worker's simulator runs). Several processes may ask at once: an advisory lock on the
 * server lets one create and migrate while the others wait, then find nothing to do.
 */
export async function ensureMigratedDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await onServer(url, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`ensure-migrated:${name}`]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      await runMigrations(url);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`ensure-migrated:${name}`]);
    }
  });
}
