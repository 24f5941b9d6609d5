import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loadConfig } from '@app/config';
import { type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest, type Neighbor } from '../support/consent-fixtures.js';
import { connect, type RealtimeClient } from '../support/realtime-client.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

// Worker processes start, die and recover here: minutes, not seconds, at worst.
jest.setTimeout(180_000);

describe('a Redis outage loses no notification: PostgreSQL holds them until Redis is back', () => {
  let proxy: TcpProxy;
  const env: Record<string, string> = { OUTBOX_POLL_MS: '50', OUTBOX_ENQUEUE_TIMEOUT_MS: '1000' };
  // Registered before useTestContext's own hook, so the api and worker get the proxy's address.
  beforeAll(async () => {
    const redis = new URL(loadConfig().redis.url);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    env.REDIS_URL = `redis://127.0.0.1:${proxy.port}`;
  });
  const ctx = useTestContext({ worker: true, env });
  let officer: TestUser;
  let owners: Neighbor[];
  let socket: RealtimeClient;

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
    owners = [await newNeighbor(ctx, 1), await newNeighbor(ctx, 1, 50), await newNeighbor(ctx, 1, 100)];
    socket = await connect(ctx, owners[0]!.token);
  });
  afterAll(async () => {
    socket?.close();
    await proxy?.up().catch(() => undefined);
  });
  afterAll(async () => proxy?.close());

  it('answers 201 to requests while Redis is down, says so on /health/ready, and delivers every notification once when Redis is back', async () => {
    await proxy.down();
    const ready = await ctx.api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toContain('redis');

    const requests = [await newRequest(ctx, officer), await newRequest(ctx, officer), await newRequest(ctx, officer)];
    const [{ unsent }] = await ctx.dataSource.query(`SELECT count(*)::int AS unsent FROM outbox_event WHERE type = 'request.created' AND sent_at IS NULL`);
    expect(unsent).toBe(3);
    expect(await ctx.dataSource.query('SELECT 1 FROM notification')).toEqual([]);

    await proxy.up();
    const inboxRows = async () => Number((await ctx.dataSource.query('SELECT count(*) FROM notification'))[0].count);
    await waitFor(async () => (await inboxRows()) === requests.length * owners.length, { timeoutMs: 60_000, what: 'every inbox row' });
    await waitFor(() => socket.of('notification').length === requests.length, { timeoutMs: 30_000, what: 'every push' });
    expect((await ctx.api.request('GET', '/health/ready')).status).toBe(200);

    const [{ rows, distinct }] = await ctx.dataSource.query('SELECT count(*)::int AS rows, count(DISTINCT (event_id, user_id))::int AS distinct FROM notification');
    expect({ rows, distinct }).toEqual({ rows: 9, distinct: 9 });
    expect(socket.of('notification').map((item) => item.data.requestId).sort()).toEqual([...requests].sort());
  });
});
