import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { DAY, usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const SECONDS_PER_DAY = DAY / 1000;
/** ring-2025's reminders: 24 h, 72 h, 10 days and 28 days after the request opens; expiry after 30 days. */
const OFFSETS = [1, 3, 10, 28].map((days) => days * SECONDS_PER_DAY);

/**
 * Reminders (the policy's reminderOffsetsSeconds, switched on here under ring-2021): owners who
 * have not answered are reminded at each offset while the request is open — due tasks on the
 * shared clock, so a sandbox clock move answers `ready` with the reminders in the inbox, once each.
 */
describe('reminders to owners who have not answered', () => {
  const ctx = useTestContext({ worker: true, env: { CLOCK_TICK_SECONDS: '3600' } });
  let admin: string;
  let officer: TestUser;
  let silent: Neighbor;
  let answering: Neighbor;
  let closing: string;
  let expiring: string;

  const advance = async (seconds: number) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: seconds } });
    expect(response.body.status).toBe('ready');
  };
  const reminders = async (owner: TestUser, requestId: string) =>
    ((await ctx.api.request('GET', '/api/me/notifications?limit=100', { token: owner.token })).body.items as { type: string; data: { requestId: string } }[])
      .filter((item) => item.type === 'request.reminded' && item.data.requestId === requestId).length;

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    silent = await newNeighbor(ctx, 1);
    answering = await newNeighbor(ctx, 1, 50);
    await usePolicy(ctx, admin, { profile: 'ring-2021', reminderOffsetsSeconds: OFFSETS, requestExpirySeconds: 30 * SECONDS_PER_DAY });
    closing = await newRequest(ctx, officer, { caseNumber: 'REMIND-1' });
    expiring = await newRequest(ctx, officer, { caseNumber: 'REMIND-2' });
    for (const requestId of [closing, expiring]) expect((await respond(ctx, answering, requestId, { decision: 'decline' })).status).toBe(201);
  });

  it('sends the 24 h and 72 h reminders, once each, when the clock moves 72 h; none to an owner who answered', async () => {
    await advance(3 * SECONDS_PER_DAY);
    expect(await reminders(silent, closing)).toBe(2);
    expect(await reminders(silent, expiring)).toBe(2);
    expect(await reminders(answering, closing)).toBe(0);
    await advance(60);
    expect(await reminders(silent, closing)).toBe(2);
  });

  it('sends the 10-day one, then none after the request is closed', async () => {
    await advance(7 * SECONDS_PER_DAY);
    expect(await reminders(silent, closing)).toBe(3);
    expect((await ctx.api.request('POST', `/api/portal/requests/${closing}/close`, { token: officer.token })).status).toBe(200);
    await advance(21 * SECONDS_PER_DAY);
    expect(await reminders(silent, closing)).toBe(3);
  });

  it('sends the 28-day one before the 30-day expiry, and none after it', async () => {
    expect(await reminders(silent, expiring)).toBe(4);
    expect((await ctx.api.request('GET', `/api/portal/requests/${expiring}`, { token: officer.token })).body.status).toBe('expired');
    await advance(30 * SECONDS_PER_DAY);
    expect(await reminders(silent, expiring)).toBe(4);
  });

  it('refuses offsets out of order, naming the field', async () => {
    const bad = await ctx.api.request('PUT', '/api/policy', { token: admin, body: { reminderOffsetsSeconds: [259200, 86400] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('reminderOffsetsSeconds');
  });
});
