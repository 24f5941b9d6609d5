import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const commandExists = (name: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** Runs a command with its output shown; true when it exited 0. */
export function run(command: string, args: string[], quiet = false): boolean {
  const result = spawnSync(command, args, { stdio: quiet ? 'ignore' : 'inherit' });
  return result.status === 0;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

export const isLocalHost = (host: string): boolean => ['127.0.0.1', 'localhost', '::1'].includes(host);

export const hasFile = existsSync;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
