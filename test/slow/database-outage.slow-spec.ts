import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { adminToken, type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startApi, startWorker, type HttpResponse, type TestApi } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import type { TestContext } from '../support/test-context.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

jest.setTimeout(180_000);

const OWNERS = 30;
const OUTAGE_MS = 5_000;
const REQUEST_TIMEOUT_MS = 8_000;

/**
 * PostgreSQL goes away for five seconds (a TCP proxy in front of it drops every connection and
 * refuses new ones; the server other files use never stops) while owners answer a request in a
 * burst, each retrying a refused answer with the same Idempotency-Key, as a client should.
 */
describe('a PostgreSQL outage under load: 503s while it lasts, nothing lost or doubled, no restart', () => {
  let proxy: TcpProxy;
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  /** Straight to PostgreSQL, past the proxy: what the test checks with does not go down. */
  let direct: pg.Client;
  let ctx: TestContext;
  let officer: TestUser;
  let owners: Neighbor[];
  let requestId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const url = new URL(db.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const config = testConfig(url.toString(), { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), CLOCK_SETTLE_TIMEOUT_MS: '5000' });
    api = await startApi(config);
    worker = await startWorker(config);
    direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
    ctx = { db, config, api, worker, dataSource: api.app.get<DataSource>(getDataSourceToken()) };
    ({ officer } = await consentWorld(ctx));
    owners = [];
    for (let i = 0; i < OWNERS; i++) owners.push(await newNeighbor(ctx, 1, (i % 10) * 20));
    requestId = await newRequest(ctx, officer);
    await waitFor(async () => (await direct.query("SELECT count(*)::int AS n FROM notification WHERE data->>'requestId' = $1", [requestId])).rows[0].n === OWNERS, { timeoutMs: 30_000, what: 'every owner notified' });
  });

  afterAll(async () => {
    await proxy?.up().catch(() => undefined);
    await worker?.close();
    await api?.close();
    await direct?.end();
    await proxy?.close();
    await db?.drop();
  });

  it('answers 503 in the contract’s shape during the outage, flips readiness, and ends with every answer stored once and the chain whole', async () => {
    const answers: { status: number; code?: string; ms: number }[] = [];
    /** One owner's answer, tried again (same key) until it is taken. */
    const answerUntilTaken = async (owner: Neighbor): Promise<HttpResponse> => {
      const headers = { 'idempotency-key': `outage-${owner.id}` };
      for (;;) {
        const started = Date.now();
        const response = await respond(ctx, owner, requestId, { decision: 'share' }, headers);
        answers.push({ status: response.status, code: response.body?.code, ms: Date.now() - started });
        if (response.status < 500) return response;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    // Half the owners answer before the outage; the rest while it lasts, and their retries after.
    const before = await Promise.all(owners.slice(0, OWNERS / 2).map(answerUntilTaken));
    await proxy.down();
    const during = owners.slice(OWNERS / 2).map(answerUntilTaken);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toContain('postgres');
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - 500));
    await proxy.up();
    const after = await Promise.all(during);

    // Every answer was taken in the end, each exactly once.
    expect([...before, ...after].map((response) => response.status)).toEqual(owners.map(() => 201));
    const { rows } = await direct.query('SELECT count(*)::int AS n, count(DISTINCT owner_id)::int AS owners FROM consent WHERE request_id = $1', [requestId]);
    expect(rows[0]).toEqual({ n: OWNERS, owners: OWNERS });

    // While it lasted: 503s saying why, never a 500, never a hang past the request timeout.
    const refused = answers.filter((answer) => answer.status >= 500);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer).toEqual({ status: 503, code: expect.stringMatching(/^(DATABASE_UNAVAILABLE|REQUEST_TIMEOUT)$/), ms: expect.any(Number) });
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);

    // The same processes carry on: ready again, the audit chain whole, the worker fanning out.
    await waitFor(async () => (await api.request('GET', '/health/ready')).status === 200, { timeoutMs: 20_000, what: 'readiness to return' });
    const verified = await api.request('GET', '/api/audit/verify', { token: await adminToken(ctx) });
    expect(verified.body).toMatchObject({ ok: true });
    const next = await newRequest(ctx, officer);
    await waitFor(async () => (await direct.query("SELECT count(*)::int AS n FROM notification WHERE data->>'requestId' = $1", [next])).rows[0].n === OWNERS, {
      timeoutMs: 30_000,
      what: 'the worker to notify every owner of a request made after the outage',
    });
  });
});
