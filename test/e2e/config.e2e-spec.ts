import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const root = resolve(import.meta.dirname, '../..');
const EX_CONFIG = 78;

const valid = {
  JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters',
  ADMIN_PASSWORD: 'an-admin-password',
  LOG_LEVEL: 'silent',
};

/**
 * Starts the real api entry point from an empty directory with exactly `env`: the repository's
 * `.env` (read from the working directory) cannot fill in what the test leaves out.
 */
function startApiProcess(cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(join(root, 'test/support/swc-register.mjs')).href, join(root, 'apps/api/src/main.ts')],
      { cwd, env: { ...env, TS_NODE_PROJECT: join(root, 'tsconfig.json') }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr }));
  });
}

describe('a bad configuration stops the process with the variable named', () => {
  let cwd: string;

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'porchlight-config-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('exits 78 naming PORT when PORT is not a port', async () => {
    const { code, stderr } = await startApiProcess(cwd, { ...valid, PORT: 'notaport' });
    expect(code).toBe(EX_CONFIG);
    expect(stderr).toMatch(/\bPORT\b/);
    expect(stderr).not.toMatch(/JWT_SECRET|ADMIN_PASSWORD/);
  }, 60_000);

  it('exits 78 naming JWT_SECRET when it is missing', async () => {
    const { JWT_SECRET: _omitted, ...withoutSecret } = valid;
    const { code, stderr } = await startApiProcess(cwd, withoutSecret);
    expect(code).toBe(EX_CONFIG);
    expect(stderr).toMatch(/JWT_SECRET is required/);
  }, 60_000);
});
