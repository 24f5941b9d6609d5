// Installs node modules when they are missing or older than the lockfile. Runs before anything
// else in `npm start` / `npm test`, so it may use nothing but Node itself.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) ||
  statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000 ||
  statSync('package.json').mtimeMs > statSync(marker).mtimeMs + 1000;

if (stale) {
  console.log('[setup] installing node modules (npm install)…');
  // `npm ci` refuses this registry's lockfile (no non-Linux binaries); install honours it.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm install failed: check the network access to the npm registry.');
    process.exit(result.status ?? 1);
  }
}
