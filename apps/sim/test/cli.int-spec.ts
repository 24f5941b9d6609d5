import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { TINY_TOWN_YAML } from './tiny-town.js';

const sim = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'apps/sim/src/main.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** `npm run sim`: what a teacher types, and the one sentence they get back when it is wrong. */
describe('the simulator command line', () => {
  // Each call starts a Node process (about 1.5 s; several times that on a busy machine).
  jest.setTimeout(120_000);
  it('lists the shipped scenarios, one line each', () => {
    const listed = sim('list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^opt-out-vs-opt-in +Opt-out vs opt-in \(60 days, 2000 households, ring-2019\)$/m);
  });

  it('has --help on the program and on its commands', () => {
    for (const args of [['--help'], ['compare', '--help']]) {
      const help = sim(...args);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: sim');
    }
  });

  it('names the file, line and field of a bad scenario, and exits 2', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sim-cli-')), 'bad.yaml');
    writeFileSync(path, TINY_TOWN_YAML.replace('durationDays: 12', 'durationDays: twelve'));
    const refused = sim('run', path);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toMatch(new RegExp(`^${path.replace(/[.\\/]/g, '\\$&')}:7: durationDays: `));
  });

  it('refuses bad arguments in one sentence, with exit 2', () => {
    expect(sim('run', 'opt-out-vs-opt-in', '--policy', 'ring-1999')).toMatchObject({ status: 2, stderr: expect.stringContaining('must be one of ring-2019, ring-2021, privacy-by-design, ring-2025') });
    expect(sim('compare', 'opt-out-vs-opt-in', '--seed', '-4')).toMatchObject({ status: 2, stderr: expect.stringContaining('--seed') });
    expect(sim('compare', 'opt-out-vs-opt-in', '--jobs', '0')).toMatchObject({ status: 2, stderr: expect.stringContaining('--jobs') });
    expect(sim('run', 'no-such-lesson')).toMatchObject({ status: 2, stderr: expect.stringContaining('No scenario "no-such-lesson"') });
    expect(sim('teach')).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown command 'teach'") });
  });
});
