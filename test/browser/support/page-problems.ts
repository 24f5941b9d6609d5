import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

const problemsOf = new WeakMap<Page, string[]>();

/**
 * Records what a broken page shows only in its console (uncaught errors, console errors, failed
 * requests) and any request that leaves `origin`: the console must work offline, from the api alone.
 */
export function watchProblems(page: Page, origin: string): void {
  const problems: string[] = [];
  problemsOf.set(page, problems);
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    const { url } = message.location();
    if (message.type() === 'error') problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) problems.push(`request to elsewhere: ${request.method()} ${url}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
}

/**
 * Fails the test with every problem the page has had so far (a 4xx/5xx answer shows as a console
 * error), but those matching `expected`: refusals the test provokes on purpose, e.g. /status of 403/.
 */
export function expectNoProblems(page: Page, expected: RegExp[] = []): void {
  const problems = problemsOf.get(page);
  if (problems === undefined) throw new Error('this page is not watched: open it with the harness’s open()');
  const unexpected = problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
  expect({ url: page.url(), problems: unexpected }).toEqual({ url: page.url(), problems: [] });
}
