import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export const commandExists = (name: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** Runs a command with its output shown; true when it exited 0. */
export function run(command: string, args: string[], quiet = false): boolean {
  const result = spawnSync(command, args, { stdio: quiet ? 'ignore' : 'inherit' });
  return result.status === 0;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

/** The set-up may install Debian packages itself: apt-get is here and we are root. */
export const canAptInstall = (): boolean => commandExists('apt-get') && isRoot();

/**
 * Installs Debian packages quietly; true when they are installed. The package lists are refreshed
 * only when the install fails without them (a fresh image has none; old ones name removed files).
 */
export function aptInstall(...packages: string[]): boolean {
  const install = () => run('env', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', ...packages], true);
  return install() || (run('apt-get', ['update', '-qq'], true) && install());
}

export const isLocalHost = (host: string): boolean => ['127.0.0.1', 'localhost', '::1'].includes(host);

export const hasFile = existsSync;

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
