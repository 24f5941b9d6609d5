import type { Page } from 'playwright-core';

/**
 * The page's first contentful paint in milliseconds since navigation, once the browser reports
 * it. A figure to show (recordFigure), never something a test asserts: it depends on the machine.
 */
export async function measurePaint(page: Page): Promise<number> {
  // By name: Node's types, which these tests compile with, know no 'paint' entry type.
  const paint = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false);
  return Math.round((await paint.jsonValue()) as number);
}
