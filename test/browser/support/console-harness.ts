import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import { afterAll, afterEach, beforeAll, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../../apps/api/src/serve-console.js';
import { startAppProcess, type AppProcess } from '../../support/app-process.js';
import { testConfig } from '../../support/test-config.js';
import { createTestDatabase, templateUrl, type TestDatabase } from '../../support/test-database.js';
import { launchChromium, VIEWPORT } from './chromium.js';
import { watchProblems } from './page-problems.js';

// Two node processes compiling TypeScript and a browser starting, on two cores shared with the
// other test files: generous deadlines, which only a hang reaches.
const START_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 90_000;

export interface ConsoleHarnessOptions {
  /** Environment overrides for this file's api and worker (and its config). */
  env?: Record<string, string>;
}

export interface ConsoleHarness {
  db: TestDatabase;
  /** The config both processes run with: its sandbox key is TEST_SANDBOX_KEY. */
  config: AppConfig;
  api: AppProcess;
  worker: AppProcess;
  browser: Browser;
  /**
   * Opens `path` of the api (e.g. `/`, `/#sandbox=…`) in a new browser context, so no test sees
   * another's storage, on a projector-sized page watched for problems (see expectNoProblems).
   */
  open(path: string): Promise<Page>;
}

/** Resolves every start, assigning each as it comes, so teardown finds what started even when another failed. */
async function startAll(starts: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(starts)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * One browser-test file's world: a cloned database, the real api (serving the built console) and
 * worker as child processes on it, and headless Chromium; started before the file's tests, all
 * stopped after. Fields are filled in by beforeAll.
 */
export function useConsoleHarness({ env: overrides = {} }: ConsoleHarnessOptions = {}): ConsoleHarness {
  // The worker's simulator runs clone the test template, as the api's test files do.
  const env = { SIMULATOR_TEMPLATE_DATABASE_URL: templateUrl(), ...overrides };
  jest.setTimeout(TEST_TIMEOUT_MS);
  const harness = {} as ConsoleHarness;
  const contexts: BrowserContext[] = [];

  harness.open = async (path) => {
    const context = await harness.browser.newContext({ viewport: VIEWPORT, baseURL: harness.api.url });
    contexts.push(context);
    const page = await context.newPage();
    watchProblems(page, harness.api.url);
    await page.goto(path);
    return page;
  };

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
      throw new Error(`The classroom console is not built (${CONSOLE_DIR}): run the set-up (npm test does; or node --import @swc-node/register/esm-register scripts/setup.ts --test).`);
    }
    harness.db = await createTestDatabase();
    harness.config = testConfig(harness.db.url, env);
    await startAll([
      startAppProcess('api', harness.config, env).then((api) => (harness.api = api)),
      startAppProcess('worker', harness.config, env).then((worker) => (harness.worker = worker)),
      launchChromium().then((browser) => (harness.browser = browser)),
    ]);
  }, START_TIMEOUT_MS);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await harness.browser?.close();
    await Promise.all([harness.api?.stop(), harness.worker?.stop()]);
    await harness.db?.drop();
  }, START_TIMEOUT_MS);

  return harness;
}
