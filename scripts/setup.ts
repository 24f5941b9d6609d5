// `npm run setup`: makes this machine ready to run Porchlight, idempotently. Used by `npm start`
// (demo database + seed), `npm test` (`--test`: the test template database and Chromium, no
// seed) and `npm run sim` (`--sim`: the simulator's template database, which each run clones).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { InvalidConfigError, loadConfig } from '@app/config';
import { databaseNameOf, runMigrations, simTemplateUrl, testDatabaseUrl } from '@app/database';
import { buildConsole } from '../apps/console/build.mjs';
import { ensureChromium } from './setup/chromium.js';
import { ensureDatabase, ensurePostgis } from './setup/database.js';
import { ensureEnvFile } from './setup/env-file.js';
import { SetupError, say } from './setup/log.js';
import { ensurePostgres, ensureRedis } from './setup/services.js';

const { values } = parseArgs({ options: { test: { type: 'boolean', default: false }, sim: { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  const started = Date.now();
  ensureEnvFile();
  const config = loadConfig();
  const databaseUrl = values.test ? testDatabaseUrl(config.database.url) : values.sim ? simTemplateUrl(config.database.url) : config.database.url;
  await ensurePostgres(databaseUrl);
  await ensureRedis(config.redis.url);
  await ensureDatabase(databaseUrl);
  await ensurePostgis(databaseUrl);
  const applied = await runMigrations(databaseUrl);
  if (applied.length > 0) say(`applied ${applied.length} migration(s) to ${databaseNameOf(databaseUrl)}`);
  // The classroom console the api serves at `/` (about 0.1 s); the simulator has no use for it.
  if (!values.sim) await buildConsole();
  // The browser tests drive it in Chromium; `npm start` needs no browser.
  if (values.test) ensureChromium();
  say(`ready: ${databaseNameOf(databaseUrl)} and Redis (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  await main();
} catch (error) {
  if (error instanceof SetupError || error instanceof InvalidConfigError) {
    process.stderr.write(`[setup] ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
