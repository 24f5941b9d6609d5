import { Clock, DueTaskRegistry } from '@app/clock';
import { REQUEST_EXPIRY_TASK } from '@app/requests';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { newCamera, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { clip, DAY, HOUR, MINUTE } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const START = new Date('2031-07-01T12:00:00Z');
const CENTER = { lat: 40.7, lng: -74.0 };

describe('expiry: open requests past expiresAt expire by the Clock, with their unanswered recipients', () => {
  // Hourly ticks: only the clock moves below run the expiry.
  const ctx = useTestContext({ worker: true, env: { CLOCK_TICK_SECONDS: '3600' } });
  let officer: TestUser;
  let n = 0;

  const advance = async (seconds: number) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', {
      headers: { 'x-sandbox-key': TEST_SANDBOX_KEY },
      body: { advanceSeconds: seconds },
    });
    expect(response.body.status).toBe('ready');
  };
  const create = async () => {
    const response = await ctx.api.request('POST', '/api/portal/requests', {
      token: officer.token,
      body: {
        caseNumber: `E-${++n}`,
        incidentType: 'burglary',
        description: 'Break-in through the back door',
        window: { start: new Date(START.getTime() - 2 * HOUR).toISOString(), end: new Date(START.getTime() - HOUR).toISOString() },
        area: { center: CENTER, radiusMeters: 200 },
      },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; expiresAt: string; counts: { notified: number } };
  };
  const recipients = (id: string) =>
    ctx.dataSource.query('SELECT consent_state, decided_at FROM request_recipient WHERE request_id = $1', [id]);

  beforeAll(async () => {
    officer = await newOfficer(ctx);
    await ctx.api.app.get(Clock).setNow(START);
    for (const name of ['ann', 'bob']) {
      const owner = await newResident(ctx, name);
      const camera = await newCamera(ctx, owner, CENTER);
      await clip(ctx, owner, camera, new Date(START.getTime() - 90 * MINUTE), new Date(START.getTime() - 80 * MINUTE));
    }
  });

  it('is a due task of the worker', () => {
    expect(ctx.worker.get(DueTaskRegistry).names).toContain(REQUEST_EXPIRY_TASK);
  });

  it('stays open until expiresAt, then becomes expired with every unanswered recipient expired, audited once', async () => {
    const request = await create();
    expect(request.counts.notified).toBe(2);
    const closedMeanwhile = await create();
    expect((await ctx.api.request('POST', `/api/portal/requests/${closedMeanwhile.id}/close`, { token: officer.token })).status).toBe(200);

    await advance(7 * DAY / 1000 - 60);
    expect((await ctx.api.request('GET', `/api/portal/requests/${request.id}`, { token: officer.token })).body.status).toBe('open');
    expect((await recipients(request.id)).map((row: { consent_state: string }) => row.consent_state)).toEqual(['requested', 'requested']);

    await advance(120);
    const expired = await ctx.api.request('GET', `/api/portal/requests/${request.id}`, { token: officer.token });
    expect(expired.body).toMatchObject({ status: 'expired', closedAt: request.expiresAt, counts: { notified: 2, pending: 0 } });
    expect(await recipients(request.id)).toEqual([
      { consent_state: 'expired', decided_at: new Date(request.expiresAt) },
      { consent_state: 'expired', decided_at: new Date(request.expiresAt) },
    ]);
    // A closed request is not expired over it.
    expect((await ctx.api.request('GET', `/api/portal/requests/${closedMeanwhile.id}`, { token: officer.token })).body.status).toBe('closed');
    const close = await ctx.api.request('POST', `/api/portal/requests/${request.id}/close`, { token: officer.token });
    expect({ status: close.status, code: close.body.code }).toEqual({ status: 409, code: 'REQUEST_NOT_OPEN' });

    await advance(3600);
    expect(await ctx.dataSource.query(`SELECT actor FROM audit_event WHERE action = 'request.expired' AND subject = $1`, [`request:${request.id}`])).toEqual([
      { actor: 'system' },
    ]);
  });
});
