// `npm start`: set up what is missing (services, PostGIS, database, migrations, demo seed), then
// run the api and the worker together with prefixed logs; Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import concurrently from 'concurrently';

const node = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
const ts = (script) => node(['--import', '@swc-node/register/esm-register', script]);

for (const step of ['scripts/setup.ts', 'scripts/seed-demo.ts']) {
  const status = ts(step);
  if (status !== 0) process.exit(status);
}

const { result, commands } = concurrently(
  [
    { name: 'api', command: `"${process.execPath}" dist/apps/api/apps/api/src/main.js`, prefixColor: 'cyan' },
    { name: 'worker', command: `"${process.execPath}" dist/apps/worker/apps/worker/src/main.js`, prefixColor: 'magenta' },
  ],
  { killOthersOn: ['failure', 'success'], prefix: '[{name}]', handleInput: false },
);

// The banner comes once the api answers readiness, so the URLs printed are the ones that work.
const banner = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'scripts/banner.ts'], {
  stdio: 'inherit',
});
banner.on('exit', (status) => {
  if (status !== 0) for (const command of commands) command.kill();
});

try {
  await result;
} catch {
  process.exitCode = 1;
}
