import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { useTestContext } from '../support/test-context.js';

interface Diagnostic {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

const ERROR = 0;

/**
 * Spectral's CLI in a child process: under jest's ESM mode its ruleset bundler cannot load the
 * OWASP ruleset, and the CLI is what `npx spectral lint` runs by hand, with the same
 * .spectral.yaml. The document arrives on stdin, named as if it lay in the repository, so the
 * ignore list's `**#/…` patterns match it.
 */
function lint(document: unknown): Diagnostic[] {
  const run = spawnSync(
    process.execPath,
    ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', '--stdin-filepath', 'openapi.json', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'],
    { input: JSON.stringify(document), encoding: 'utf8' },
  );
  if (!run.stdout.trim().startsWith('[')) throw new Error(`Spectral did not run: ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout) as Diagnostic[];
}

describe('the OpenAPI document the api serves', () => {
  const ctx = useTestContext();

  it('passes spectral:oas and the OWASP API Security ruleset without an error (.spectral.yaml lists what is public by design)', async () => {
    const document = (await ctx.api.request('GET', '/docs-json')).body;
    const errors = lint(document)
      .filter((diagnostic) => diagnostic.severity === ERROR)
      .map((diagnostic) => `${diagnostic.code} at ${diagnostic.path.join('/')}: ${diagnostic.message}`);
    expect(errors).toEqual([]);
  });
});
