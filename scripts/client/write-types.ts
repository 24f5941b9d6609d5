// Writes client/porchlight-api.ts from the OpenAPI document of an api started here, in-process,
// on a private clone of the test database with the test config: the config of the drift test
// (test/e2e/client-types.e2e-spec.ts), so both read the same document. That config sets
// SANDBOX_KEY, so the document has the sandbox routes test authors need. Run by generate.mjs.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { startApi } from '../../test/support/test-app.js';
import { testConfig } from '../../test/support/test-config.js';
import { createTestDatabase } from '../../test/support/test-database.js';
import { CLIENT_TYPES_FILE, generateClientTypes } from './generate-types.js';

const db = await createTestDatabase();
try {
  const api = await startApi(testConfig(db.url));
  try {
    const document = (await api.app.inject({ method: 'GET', url: '/docs-json' })).json<OpenAPI3>();
    writeFileSync(CLIENT_TYPES_FILE, await generateClientTypes(document));
    process.stdout.write(`[client] wrote ${CLIENT_TYPES_FILE}\n`);
  } finally {
    await api.close();
  }
} finally {
  await db.drop();
}
