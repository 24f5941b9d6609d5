// Runs the example test of README.md ("Using Porchlight from another test suite") against this
// file's own api and worker, and checks that the README shows it verbatim, so it cannot rot.
// The example is a `.test.ts`, outside jest's testRegex: alone it would look for a Porchlight
// at 127.0.0.1:3000; here it is pointed at this file's api through the environment it reads.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { listenOnce } from '../support/realtime-client.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const EXAMPLE = 'test/e2e/client-example.test.ts';
const README_HEADING = '### A typed client for TypeScript test suites';

// The worker runs the jobs that the example's clock move makes due (the request's expiry).
const ctx = useTestContext({ worker: true });
beforeAll(async () => {
  process.env.PORCHLIGHT_URL = await listenOnce(ctx);
  process.env.PORCHLIGHT_SANDBOX_KEY = TEST_SANDBOX_KEY;
});
await import('./client-example.test.js');

describe('the example in README.md', () => {
  it(`is ${EXAMPLE}, verbatim`, () => {
    const [, section = ''] = readFileSync('README.md', 'utf8').split(README_HEADING);
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(shown).toBe(readFileSync(EXAMPLE, 'utf8'));
  });
});
