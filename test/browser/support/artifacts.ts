import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots and figures of the browser tests, for people and the README; git-ignored. */
export const ARTIFACTS_DIR = resolve('test/artifacts');

const artifactPath = (file: string): string => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, file);
};

/** The viewport as a class would see it (or the whole page), as test/artifacts/<name>.png. */
export async function saveScreenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  const path = artifactPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Records a measured figure into test/artifacts/figures.json, keeping the other files' figures. */
export function recordFigure(name: string, value: number): void {
  const path = artifactPath('figures.json');
  const figures = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>) : {};
  writeFileSync(path, `${JSON.stringify({ ...figures, [name]: value }, null, 2)}\n`);
}
