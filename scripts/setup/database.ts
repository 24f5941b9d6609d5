import { databaseNameOf } from '@app/database';
import pg from 'pg';
import { aptInstall, canAptInstall, isLocalHost } from './commands.js';
import { SetupError, say } from './log.js';
import { maintenanceUrl } from './services.js';

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  await withClient(maintenanceUrl(databaseUrl), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      say(`creating database ${name}`);
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    }
  });
}

/** PostGIS must be installable in the server; when it is missing we install it with apt. */
export async function ensurePostgis(databaseUrl: string): Promise<void> {
  const { available, major } = await withClient(databaseUrl, async (client) => {
    const ext = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'");
    const version = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return { available: (ext.rowCount ?? 0) > 0, major: Math.floor(Number(version.rows[0]!.v) / 10000) };
  });
  if (available) return;
  const pkg = `postgresql-${major}-postgis-3`;
  if (!isLocalHost(new URL(databaseUrl).hostname) || !canAptInstall()) {
    throw new SetupError(
      `PostGIS is not installed in PostgreSQL ${major}: install ${pkg} (Debian/Ubuntu) or your system's PostGIS 3 package, or use the postgis/postgis image from docker/compose.yml.`,
    );
  }
  say(`PostGIS is missing: installing ${pkg} with apt-get (about 20 s)…`);
  if (!aptInstall(pkg)) {
    throw new SetupError(`apt-get could not install ${pkg}: install PostGIS 3 for PostgreSQL ${major} by hand.`);
  }
  say(`installed ${pkg}`);
}
