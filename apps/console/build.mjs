// `npm run build:console`: bundles the classroom console into apps/console/dist, the folder the api
// serves at `/`. Plain JavaScript, so it runs in the Docker build as well as in `npm start` and
// `npm test` (scripts/setup.ts). Writes dist/build.json with each asset's size, raw and gzipped:
// the bundle budget is checked against it (test/e2e/console.e2e-spec.ts).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST = join(HERE, 'dist');
const SCENARIOS = join(HERE, '..', 'sim', 'scenarios');

/**
 * The simulator's shipped lessons as the console lists them (name, title, question, policy),
 * read from the scenario files themselves so the two never disagree.
 */
export function lessonScenarios() {
  return readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const { name, title, question, policy } = parse(readFileSync(join(SCENARIOS, file), 'utf8'));
      return { name, title, question, policy };
    });
}

/** Builds the console; answers each asset's path (under dist) and its sizes in bytes. */
export async function buildConsole() {
  rmSync(CONSOLE_DIST, { recursive: true, force: true });
  const assets = join(CONSOLE_DIST, 'assets');
  mkdirSync(assets, { recursive: true });
  const result = await build({
    entryPoints: { console: join(HERE, 'src', 'main.tsx') },
    bundle: true,
    minify: true,
    format: 'esm',
    // Browsers of the last few years, as on a school's laptops.
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: assets,
    metafile: true,
    legalComments: 'none',
    define: { __LESSON_SCENARIOS__: JSON.stringify(lessonScenarios()) },
    logLevel: 'warning',
  });
  copyFileSync(join(HERE, 'index.html'), join(CONSOLE_DIST, 'index.html'));
  const sizes = Object.fromEntries(
    Object.keys(result.metafile.outputs).map((output) => {
      const content = readFileSync(output);
      return [relative(CONSOLE_DIST, output), { bytes: content.length, gzipBytes: gzipSync(content).length }];
    }),
  );
  writeFileSync(join(CONSOLE_DIST, 'build.json'), `${JSON.stringify({ assets: sizes }, null, 2)}\n`);
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildConsole();
  for (const [path, { bytes, gzipBytes }] of Object.entries(sizes)) process.stdout.write(`console ${path}: ${bytes} bytes, ${gzipBytes} gzipped\n`);
}
