import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from '@jest/globals';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

let axeSource: string | undefined;
const axeScript = (): string =>
  (axeSource ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8'));

/** The page's globals this file touches (the tests compile without the DOM's types). */
interface AxePage {
  axe: { run(context: unknown, options: object): Promise<AxeResults> };
  document: unknown;
}

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and fails listing every serious or critical violation
 * (rule, what it asks, which elements). Minor and moderate ones are left to review.
 */
export async function checkAccessibility(page: Page, screenName: string): Promise<void> {
  // Evaluated through the DevTools protocol: a <script> tag added to the page would be an inline
  // script, which the api's Content-Security-Policy rightly refuses.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeScript());
  const violations = await page.evaluate(async (): Promise<Violation[]> => {
    const { axe, document } = globalThis as unknown as AxePage;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect({ screen: screenName, violations: serious }).toEqual({ screen: screenName, violations: [] });
}
