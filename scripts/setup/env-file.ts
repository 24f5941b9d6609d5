import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { say } from './log.js';

const secret = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * A fresh clone has no secrets. For local use we write them once into `.env` (git-ignored), so
 * they still come from the environment and nothing secret is committed. Variables already set in
 * the real environment are left alone.
 */
export function ensureEnvFile(path = '.env'): void {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const wanted: Record<string, () => string> = {
    JWT_SECRET: () => secret(48),
    ADMIN_PASSWORD: () => `admin-${secret(9)}`,
    SANDBOX_KEY: () => `sbx_${secret(18)}`,
    DEMO_PASSWORD: () => `demo-${secret(6)}`,
  };
  const missing = Object.keys(wanted).filter(
    (name) => process.env[name] === undefined && !new RegExp(`^${name}=`, 'm').test(existing),
  );
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}=${wanted[name]!()}`);
  const header = existing ? '' : '# Local settings written by `npm run setup`. Never commit this file.\n';
  writeFileSync(path, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${header}${lines.join('\n')}\n`);
  say(`wrote ${missing.join(', ')} to ${path} (fresh local secrets)`);
}
