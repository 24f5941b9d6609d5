import { withDatabaseName } from '@app/database';
import { readdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { commandExists, hasFile, isLocalHost, run, sleep } from './commands.js';
import { SetupError, say } from './log.js';

const COMPOSE_HINT = 'or start the services with `docker compose -f docker/compose.yml up -d postgres redis`';

async function canConnect(connect: () => Promise<void>): Promise<boolean> {
  try {
    await connect();
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return true;
    await sleep(250);
  }
  return false;
}

/** The server's `postgres` database, for checks and CREATE DATABASE. */
export const maintenanceUrl = (databaseUrl: string): string => withDatabaseName(databaseUrl, 'postgres');

const pingPostgres = (url: string) => () =>
  canConnect(async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
    await client.connect();
    await client.end();
  });

/** PostgreSQL reachable, or started with the machine's own cluster command when it is local. */
export async function ensurePostgres(databaseUrl: string): Promise<void> {
  const ping = pingPostgres(maintenanceUrl(databaseUrl));
  if (await ping()) return;
  const { hostname, port } = new URL(databaseUrl);
  const clusters = hasFile('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (isLocalHost(hostname) && commandExists('pg_ctlcluster') && clusters.length > 0) {
    const version = clusters.sort().at(-1)!;
    say(`PostgreSQL is down: starting cluster ${version}/main`);
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    if (await waitFor(ping, 15)) return;
  }
  throw new SetupError(
    `PostgreSQL is not reachable at ${hostname}:${port || 5432}: install PostgreSQL 15 with PostGIS 3, set DATABASE_URL to a running server, ${COMPOSE_HINT}.`,
  );
}

const pingRedis = (url: string) => () =>
  canConnect(async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500, retryStrategy: () => null });
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  });

/** Redis reachable, or started (in memory, nothing on disk) when it is local and installed. */
export async function ensureRedis(redisUrl: string): Promise<void> {
  const ping = pingRedis(redisUrl);
  if (await ping()) return;
  const { hostname, port } = new URL(redisUrl);
  if (isLocalHost(hostname) && commandExists('redis-server')) {
    say(`Redis is down: starting redis-server on port ${port || 6379}`);
    run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port || '6379', '--save', '', '--appendonly', 'no']);
    if (await waitFor(ping, 10)) return;
  }
  throw new SetupError(`Redis is not reachable at ${hostname}:${port || 6379}: install Redis 7, set REDIS_URL to a running server, ${COMPOSE_HINT}.`);
}
