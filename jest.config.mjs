import { readdirSync } from 'node:fs';

const libs = Object.fromEntries(
  readdirSync('libs').map((lib) => [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`]),
);

/** @type {import('jest').Config} */
const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: {
    ...libs,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...shared, displayName: 'unit, integration, e2e', testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$' },
    // Worker processes killed mid-job, Redis outages: seconds each (they set their own timeouts).
    { ...shared, displayName: 'slow', testRegex: '.*\\.slow-spec\\.ts$' },
    // The classroom console in headless Chromium against the api and worker as processes (test/browser).
    { ...shared, displayName: 'browser', testRegex: '.*\\.browser-spec\\.ts$' },
  ],
  // Each file gets its own cloned database and queue prefix, so files run in parallel safely.
  maxWorkers: 2,
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
