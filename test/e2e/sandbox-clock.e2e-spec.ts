import { describe, expect, it } from '@jest/globals';
import { Clock, DueTaskRegistry } from '@app/clock';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const key = { 'x-sandbox-key': TEST_SANDBOX_KEY };
const DAY = 86400;
const FIVE_YEARS = 5 * 365 * DAY;

describe('sandbox clock with a worker running', () => {
  const ctx = useTestContext({ worker: true });

  const offsetSeconds = async (): Promise<number> =>
    (await ctx.api.request('GET', '/api/sandbox/clock', { headers: key })).body.offsetSeconds;
  const move = (body: unknown) => ctx.api.request('POST', '/api/sandbox/clock', { headers: key, body });

  it('reads real time with a zero offset on a fresh sandbox', async () => {
    const before = Date.now();
    const response = await ctx.api.request('GET', '/api/sandbox/clock', { headers: key });
    const after = Date.now();
    expect(response.status).toBe(200);
    expect(response.body.offsetSeconds).toBe(0);
    const now = Date.parse(response.body.now);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });

  it('advancing moves sandbox time forward by exactly that many seconds', async () => {
    const offsetBefore = await offsetSeconds();
    const before = Date.now();
    const response = await move({ advanceSeconds: 3600 });
    const after = Date.now();
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ready');
    const now = Date.parse(response.body.now);
    expect(now).toBeGreaterThanOrEqual(before + (offsetBefore + 3600) * 1000);
    expect(now).toBeLessThanOrEqual(after + (offsetBefore + 3600) * 1000);
    // The offset may lose the few milliseconds the request itself took, never more.
    expect(Math.abs((await offsetSeconds()) - (offsetBefore + 3600))).toBeLessThanOrEqual((after - before) / 1000 + 1);
  });

  it('moving to a later instant sets exactly that instant', async () => {
    const target = new Date(Date.now() + (await offsetSeconds()) * 1000 + 30 * DAY * 1000);
    target.setUTCMilliseconds(0);
    const response = await move({ now: target.toISOString().replace('.000Z', '+00:00') });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ now: target.toISOString(), status: 'ready' });
  });

  it('refuses to move time backwards (422 CLOCK_BACKWARDS) and leaves the clock alone', async () => {
    const offsetBefore = await offsetSeconds();
    for (const body of [{ now: new Date(Date.now()).toISOString() }, { advanceSeconds: -60 }]) {
      const response = await move(body);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('CLOCK_BACKWARDS');
    }
    expect(Math.abs((await offsetSeconds()) - offsetBefore)).toBeLessThan(1);
  });

  it.each([
    ['both fields', { advanceSeconds: 60, now: '2099-01-01T00:00:00Z' }],
    ['neither field', {}],
    ['an unknown field', { advanceSeconds: 60, speed: 2 }],
    ['a fraction of a second', { advanceSeconds: 1.5 }],
    ['zero seconds', { advanceSeconds: 0 }],
    ['more than five years', { advanceSeconds: FIVE_YEARS + 1 }],
    ['more than five years back (no date at all, not a backward move)', { advanceSeconds: -1e308 }],
    ['a null move (null is not "left out")', { advanceSeconds: null }],
    ['a date that is not ISO-8601', { now: 'next tuesday' }],
    ['an instant without a time zone', { now: '2099-01-01T00:00:00' }],
    ['an instant more than five years ahead', { now: '2999-01-01T00:00:00Z' }],
  ])('rejects %s with 400', async (_case, body) => {
    const response = await move(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: expect.any(String), requestId: expect.any(String) });
  });

  it('audits every move as sandbox.clock_moved with where time went from and to', async () => {
    const response = await move({ advanceSeconds: 60 });
    const [event] = await ctx.api.app
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT actor, subject, data FROM audit_event WHERE action = 'sandbox.clock_moved' ORDER BY seq DESC LIMIT 1`);
    expect(event).toMatchObject({ actor: 'system', subject: 'sandbox:clock', data: { to: response.body.now } });
    expect(Date.parse(event.data.to) - Date.parse(event.data.from)).toBe(60_000);
  });

  it('advancing the clock in the api is seen by the worker', async () => {
    const seen: Date[] = [];
    ctx.worker.get(DueTaskRegistry).register({ name: 'records-now', runDue: async (now) => void seen.push(now) });
    const offsetBefore = await offsetSeconds();

    const response = await move({ advanceSeconds: DAY });
    expect(response.body.status).toBe('ready');
    // The due task already ran (no polling) and was given a time at or after the new now.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.getTime()).toBeGreaterThanOrEqual(Date.parse(response.body.now) - 1000);

    const workerAhead = (await ctx.worker.get(Clock).now()).getTime() - Date.now();
    expect(Math.abs(workerAhead / 1000 - (offsetBefore + DAY))).toBeLessThan(5);
  });
});

describe('sandbox clock with no worker running', () => {
  const ctx = useTestContext({ env: { CLOCK_SETTLE_TIMEOUT_MS: '300' } });

  it("moves the clock but answers 'pending': nothing ran the due jobs", async () => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: key, body: { advanceSeconds: DAY } });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('pending');
    const clock = await ctx.api.request('GET', '/api/sandbox/clock', { headers: key });
    expect(Math.abs(clock.body.offsetSeconds - DAY)).toBeLessThan(5);
  });
});
