// jest in ESM mode on Node 20 cannot load a CommonJS package that require()s an ESM-only one.
// @nestjs/throttler is such a package: bundle it once as an ES module for jest to load instead
// (see moduleNameMapper in jest.config.mjs). The app itself loads the real package.
import { existsSync, statSync } from 'node:fs';
import { build } from 'esbuild';

const entry = 'node_modules/@nestjs/throttler/dist/index.js';
const outfile = '.cache/jest/nestjs-throttler.mjs';

if (!existsSync(outfile) || statSync(outfile).mtimeMs < statSync(entry).mtimeMs) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@nestjs/*', 'rxjs', 'rxjs/*', 'reflect-metadata'],
    logLevel: 'warning',
  });
}
