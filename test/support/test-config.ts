import { randomBytes } from 'node:crypto';
import { type AppConfig, loadConfig, parseConfig } from '@app/config';

// scripts/test.mjs names each run, and deletes the run's Redis keys (`test-<run>-*`) at the end.
const RUN_ID = process.env.TEST_RUN_ID ?? 'adhoc';

export const TEST_SANDBOX_KEY = 'test-sandbox-key-0123456789';
export const TEST_ADMIN_PASSWORD = 'test-admin-password';

/** Config for one test file: its own database and queue prefix, quiet logs, known secrets. */
export function testConfig(databaseUrl: string, overrides: Record<string, string | undefined> = {}): AppConfig {
  return parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: loadConfig().redis.url,
    QUEUE_PREFIX: `test-${RUN_ID}-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    SANDBOX_KEY: TEST_SANDBOX_KEY,
    LOG_LEVEL: 'silent',
    LOG_PRETTY: 'false',
    OUTBOX_POLL_MS: '50',
    ...overrides,
  });
}
