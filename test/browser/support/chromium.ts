import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../../scripts/setup/chromium.js';

/** A classroom projector. */
export const VIEWPORT = { width: 1280, height: 720 };

/**
 * Headless Chromium, the one the set-up provides (Debian's, or CHROMIUM_PATH); never a download.
 * Playwright already passes --headless, --no-sandbox (chromiumSandbox is off by default),
 * --no-first-run, --disable-background-networking and --disable-component-update itself.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: run the set-up first (npm test does; or node --import @swc-node/register/esm-register scripts/setup.ts --test).`);
  }
  return chromium.launch({ executablePath, headless: true, chromiumSandbox: false, args: ['--disable-gpu', '--disable-sync'] });
}
