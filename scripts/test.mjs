// `npm test`: make sure the services and the test database are ready, check types and layer
// rules, then run the whole suite (or only the files given: `npm test -- libs/audit`).
// Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const node = (args, env = {}) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const ts = (args, env) => node(['--import', '@swc-node/register/esm-register', ...args], env);

const files = process.argv.slice(2);
const steps = [
  ['--import', '@swc-node/register/esm-register', 'scripts/setup.ts', '--test'],
  // A focused run (`npm test -- <files>`) skips the whole-project checks to stay quick.
  ...(files.length === 0
    ? [
        ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'],
        // The classroom console: browser code, its own compiler settings (DOM, JSX).
        ['node_modules/typescript/bin/tsc', '-p', 'apps/console/tsconfig.json'],
        // Its unit tests run in Node: the same settings with Node's types.
        ['node_modules/typescript/bin/tsc', '-p', 'apps/console/tsconfig.spec.json'],
        ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'apps', 'libs', '--config', '.dependency-cruiser.cjs'],
      ]
    : []),
];
for (const step of steps) {
  const status = node(step);
  if (status !== 0) process.exit(status);
}

// Every queue prefix of this run starts with test-<run>-, so the run can clean up after itself.
const runId = randomBytes(4).toString('hex');
const status = node(
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', ...files],
  { NODE_ENV: 'test', TEST_RUN_ID: runId },
);
ts(['scripts/test/clear-redis-keys.ts', `test-${runId}-*`]);
process.exit(status);
