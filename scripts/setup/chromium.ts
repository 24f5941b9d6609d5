import { aptInstall, canAptInstall, hasFile, isExecutable } from './commands.js';
import { SetupError, say } from './log.js';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const HINT = "install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary";

/** The browser the browser tests drive: CHROMIUM_PATH when set, else Debian's chromium. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;

/**
 * The browser tests need a Chromium (`npm test` only): CHROMIUM_PATH must name one that runs;
 * without it, Debian's chromium is installed with apt-get when missing. Never a browser download.
 */
export function ensureChromium(): void {
  const path = chromiumPath();
  if (process.env.CHROMIUM_PATH) {
    if (!isExecutable(path)) throw new SetupError(`CHROMIUM_PATH is ${path}, which is not an executable file: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium.`);
    return;
  }
  if (hasFile(path)) return;
  if (!canAptInstall()) throw new SetupError(`Chromium is missing for the browser tests: ${HINT}.`);
  say('Chromium is missing (the browser tests need it): installing chromium with apt-get (about 35 s)…');
  if (!aptInstall('chromium')) throw new SetupError(`apt-get could not install chromium: ${HINT}.`);
  say(`installed chromium (${path})`);
}
