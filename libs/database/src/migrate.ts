// Entry point for running migrations from the build (the Docker image has no TypeScript runner).
import 'reflect-metadata';
import { runWithConfig } from '@app/config';
import { runMigrations } from './run-migrations.js';

await runWithConfig(async (config) => {
  const applied = await runMigrations(config.database.url);
  process.stdout.write(`applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}\n`);
});
