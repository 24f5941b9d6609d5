import { afterEach, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/test-config.js';
import { startApi, type TestApi } from '../support/test-app.js';

// Nothing listens on this port on the machines we run on; it stands for "Redis is down".
const UNREACHABLE_REDIS = 'redis://127.0.0.1:6390';

describe('readiness follows PostgreSQL and Redis', () => {
  let db: TestDatabase | undefined;
  let api: TestApi | undefined;

  afterEach(async () => {
    await api?.close();
    await db?.drop();
    api = db = undefined;
  });

  it('is 503 naming Redis while Redis is unreachable, and liveness stays 200', async () => {
    db = await createTestDatabase();
    api = await startApi(testConfig(db.url, { REDIS_URL: UNREACHABLE_REDIS }));
    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.code).toBe('NOT_READY');
    expect(ready.body.details.redis.status).toBe('down');
    expect(ready.body.details.postgres.status).toBe('up');
    expect((await api.request('GET', '/health')).status).toBe(200);
  });

  it('is 503 naming PostgreSQL once its database goes away under a running api', async () => {
    db = await createTestDatabase();
    api = await startApi(testConfig(db.url));
    expect((await api.request('GET', '/health/ready')).status).toBe(200);
    await db.drop();
    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.postgres.status).toBe('down');
    expect(ready.body.details.redis.status).toBe('up');
  });
});
