// `npm run client:generate`: rewrites client/porchlight-api.ts from the api's OpenAPI document.
// Prepares what it needs as `npm test` does (node modules, PostgreSQL and Redis, the migrated
// template database porchlight_test), runs write-types.ts, then deletes the run's Redis keys.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const node = (args, env = {}) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const ts = (args, env) => node(['--import', '@swc-node/register/esm-register', ...args], env);

for (const step of [() => node(['scripts/ensure-deps.mjs']), () => ts(['scripts/setup.ts', '--test'])]) {
  const status = step();
  if (status !== 0) process.exit(status);
}
// The api names its queues test-<run>-…, as in a test run (test/support/test-config.ts).
const runId = `client-${randomBytes(4).toString('hex')}`;
const status = ts(['scripts/client/write-types.ts'], { TEST_RUN_ID: runId });
ts(['scripts/test/clear-redis-keys.ts', `test-${runId}-*`]);
process.exit(status);
