// `npm test`: make sure the services and the test database are ready, then run the whole suite
// (or the files given: `npm test -- libs/audit`). Ends with one summary line.
import { spawnSync } from 'node:child_process';

const node = (args, env = {}) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const setup = node(['--import', '@swc-node/register/esm-register', 'scripts/setup.ts', '--test']);
if (setup !== 0) process.exit(setup);

process.exit(
  node(
    ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', ...process.argv.slice(2)],
    { NODE_ENV: 'test' },
  ),
);
