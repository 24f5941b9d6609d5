import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import type { OpenAPI3 } from 'openapi-typescript';
import { CLIENT_TYPES_FILE, generateClientTypes, REGENERATE_COMMAND } from '../../scripts/client/generate-types.js';
import { useTestContext } from '../support/test-context.js';

describe('the typed client for test authors (client/)', () => {
  // The test config sets SANDBOX_KEY, as the npm script's does: the sandbox routes are documented.
  const ctx = useTestContext();

  it('has the types of the document the api serves, so no test author calls a route as it used to be', async () => {
    const served = await ctx.api.request<OpenAPI3>('GET', '/docs-json');
    // A mismatch is no bug to read in a diff here: regenerating shows it in `git diff`.
    if (readFileSync(CLIENT_TYPES_FILE, 'utf8') !== (await generateClientTypes(served.body))) {
      throw new Error(`${CLIENT_TYPES_FILE} is not what /docs-json gives: run \`${REGENERATE_COMMAND}\` and commit the file.`);
    }
  });
});
