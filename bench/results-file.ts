import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A re-run skips loading; it keeps the load time measured when the data was loaded, from the
 * results the benchmark wrote then.
 */
export function previousLoad<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { loadSeconds?: T }).loadSeconds ?? null;
}

export function writeResults(file: string, result: object): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
