import { Clock } from '@app/clock';
import { FanOutService, NOTIFICATIONS_QUEUE } from '@app/notifications';
import { OutboxRelay } from '@app/outbox';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { connect, type RealtimeClient } from '../support/realtime-client.js';
import { useTestContext } from '../support/test-context.js';
import { expiredToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

describe('notifications: inbox and realtime pushes for footage requests', () => {
  const ctx = useTestContext({ worker: true, env: { OUTBOX_POLL_MS: '20' } });
  let officer: TestUser;
  const clients: RealtimeClient[] = [];
  const open = async (token: string) => {
    const client = await connect(ctx, token);
    clients.push(client);
    return client;
  };
  const inbox = (user: TestUser, query = '') => ctx.api.request('GET', `/api/me/notifications${query}`, { token: user.token });
  const rowsOf = async (user: TestUser) =>
    (await ctx.dataSource.query('SELECT event_id FROM notification WHERE user_id = $1', [user.id])) as { event_id: string }[];
  /** Every outbox event relayed and planned, and every fan-out batch run. */
  const settled = () =>
    waitFor(async () => {
      const [{ pending }] = await ctx.dataSource.query('SELECT count(*)::int AS pending FROM outbox_event WHERE sent_at IS NULL');
      const [{ unhandled }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS unhandled FROM outbox_event e
         WHERE NOT EXISTS (SELECT 1 FROM processed_event p WHERE p.event_id = e.id)
           AND e.type IN ('request.created', 'request.closed', 'consent.given', 'consent.refused', 'consent.withdrawn')`,
      );
      if (pending > 0 || unhandled > 0) return false;
      const batches = await ctx.worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE)).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(batches).every((count) => count === 0);
    }, { what: 'the outbox and the fan-out batches to drain' });

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
  });
  afterAll(() => {
    for (const client of clients) client.close();
  });

  it('refuses a socket without a token, with a bad one, and with an expired one (connect_error, no connection)', async () => {
    await expect(connect(ctx, undefined)).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    await expect(connect(ctx, 'not-a-jwt')).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    const expired = expiredToken(ctx.api.app, { sub: officer.id, role: 'officer' });
    await expect(connect(ctx, expired)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
  });

  it('tells every owner asked — once in the inbox, once on their socket — and nobody outside the area or in another agency', async () => {
    const [ann, bob]: Neighbor[] = [await newNeighbor(ctx, 1), await newNeighbor(ctx, 1, 40)];
    const far = await newNeighbor(ctx, 1, 5000);
    const otherAgency = await newOfficer(ctx);
    const [annSocket, farSocket, otherSocket] = [await open(ann.token), await open(far.token), await open(otherAgency.token)];
    const requestId = await newRequest(ctx, officer);
    await waitFor(() => annSocket.of('notification').length === 1, { what: 'the push' });
    await settled();

    const pushed = annSocket.of('notification')[0];
    expect(pushed).toMatchObject({ type: 'request.created', title: 'Test Police Department asks for your footage', data: { requestId }, readAt: null });
    const listed = await inbox(ann);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ unreadCount: 1, nextCursor: null });
    expect(listed.body.items).toEqual([pushed]);
    expect(await rowsOf(bob)).toHaveLength(1);
    expect(await rowsOf(far)).toEqual([]);
    expect(farSocket.events).toEqual([]);
    expect(otherSocket.events).toEqual([]);
  });

  it('delivers exactly once when the relay sends an event again and its fan-out runs twice', async () => {
    const cat = await newNeighbor(ctx, 1, 80);
    const socket = await open(cat.token);
    const requestId = await newRequest(ctx, officer);
    await waitFor(() => socket.of('notification').length === 1, { what: 'the first push' });
    await settled();
    // The relay crashed after enqueueing but before marking the row sent: it sends it again.
    await ctx.dataSource.query(`UPDATE outbox_event SET sent_at = NULL WHERE type = 'request.created' AND payload->>'requestId' = $1`, [requestId]);
    await ctx.worker.get(OutboxRelay).relayOnce();
    // And a fan-out batch is run again by hand, as a retried job would be.
    const [event] = await ctx.dataSource.query(`SELECT id FROM outbox_event WHERE type = 'request.created' AND payload->>'requestId' = $1`, [requestId]);
    const agencyId = (await ctx.dataSource.query('SELECT agency_id FROM footage_request WHERE id = $1', [requestId]))[0].agency_id;
    const batch = { eventId: event.id, type: 'request.created' as const, requestId, agencyId, overrideId: null, after: null, upTo: null, title: 'again', body: 'again', channels: ['in-app'], world: 1 };
    expect(await ctx.worker.get(FanOutService).runBatch(batch, ctx.dataSource.manager)).toBe(0);
    await settled();
    expect(await rowsOf(cat)).toHaveLength(1);
    expect(socket.of('notification')).toHaveLength(1);
  });

  it('pushes request.updated with the new counts to the agency room when an owner answers, and tells the agency in its inbox', async () => {
    const dan = await newNeighbor(ctx, 1, 120);
    const agencySocket = await open(officer.token);
    const requestId = await newRequest(ctx, officer);
    await settled();
    expect((await respond(ctx, dan, requestId, { decision: 'share' })).status).toBe(201);
    await waitFor(() => agencySocket.of('request.updated').some((update) => update.id === requestId), { what: 'request.updated' });
    const update = agencySocket.of('request.updated').find((received) => received.id === requestId);
    expect(update).toMatchObject({ id: requestId, status: 'open', counts: { shared: 1 } });
    await settled();
    const officerInbox = await inbox(officer, '?unread=true');
    expect(officerInbox.body.items[0]).toMatchObject({ type: 'consent.given', data: { requestId } });
    expect(JSON.stringify(officerInbox.body)).not.toContain(dan.email);
  });

  it('tells owners who had not answered when the agency closes the request, and not those who had', async () => {
    const [eve, fay] = [await newNeighbor(ctx, 1, 160), await newNeighbor(ctx, 1, 200)];
    const requestId = await newRequest(ctx, officer);
    await respond(ctx, eve, requestId, { decision: 'decline' });
    await ctx.api.request('POST', `/api/portal/requests/${requestId}/close`, { token: officer.token });
    await settled();
    const types = async (user: TestUser) =>
      (await ctx.dataSource.query('SELECT type FROM notification WHERE user_id = $1 AND data->>\'requestId\' = $2 ORDER BY created_at', [user.id, requestId])).map(
        (row: { type: string }) => row.type,
      );
    expect(await types(eve)).toEqual(['request.created']);
    expect(await types(fay)).toEqual(['request.created', 'request.closed']);
  });

  it('dates each notice when its event happened, however late its batch runs: a request’s closed notice never comes before its created one', async () => {
    const hal = await newNeighbor(ctx, 1, 280);
    const batches = ctx.worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
    const clock = ctx.worker.get(Clock);
    const offsetBefore = await clock.offsetMs();
    const planned = (type: string, requestId: string) =>
      waitFor(async () => {
        const rows = await ctx.dataSource.query(
          `SELECT 1 FROM processed_event p JOIN outbox_event e ON e.id = p.event_id
           WHERE p.handler = 'notifications.plan' AND e.type = $1 AND e.payload->>'requestId' = $2`,
          [type, requestId],
        );
        return rows.length === 1;
      }, { what: `${type} planned` });
    // Both events are planned while no batch may run; their batches then run a day later.
    await batches.pause();
    let requestId: string;
    let dayLater: Date;
    try {
      requestId = await newRequest(ctx, officer);
      await planned('request.created', requestId);
      dayLater = await clock.setNow(new Date((await clock.now()).getTime() + 86_400_000));
      await ctx.api.request('POST', `/api/portal/requests/${requestId}/close`, { token: officer.token });
      await planned('request.closed', requestId);
      await clock.setNow(new Date((await clock.now()).getTime() + 86_400_000));
    } finally {
      await batches.resume();
    }
    await settled();
    await clock.setNow(new Date(Date.now() + offsetBefore));
    const rows: { type: string; created_at: Date; occurred_at: Date }[] = await ctx.dataSource.query(
      `SELECT n.type, n.created_at, e.occurred_at FROM notification n JOIN outbox_event e ON e.id = n.event_id
       WHERE n.user_id = $1 AND n.data->>'requestId' = $2 ORDER BY n.created_at`,
      [hal.id, requestId],
    );
    expect(rows.map((row) => row.type)).toEqual(['request.created', 'request.closed']);
    for (const row of rows) expect(row.created_at).toEqual(row.occurred_at);
    expect(rows[0]!.created_at.getTime()).toBeLessThan(dayLater.getTime());
    expect(rows[1]!.created_at.getTime()).toBeLessThan(dayLater.getTime() + 86_400_000);
  });

  it('pages the inbox newest first, filters unread, marks read (one or all); another user’s notification is 404', async () => {
    const gus = await newNeighbor(ctx, 1, 240);
    const stranger = await newResident(ctx);
    for (let i = 0; i < 3; i++) await newRequest(ctx, officer);
    await settled();
    const first = await inbox(gus, '?limit=2');
    const second = await inbox(gus, `?limit=2&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items];
    expect(all).toHaveLength(3);
    expect(all.map((item) => item.createdAt)).toEqual([...all.map((item) => item.createdAt)].sort().reverse());
    expect(second.body.nextCursor).toBeNull();

    const read = await ctx.api.request('POST', `/api/me/notifications/${all[0].id}/read`, { token: gus.token });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await ctx.api.request('POST', `/api/me/notifications/${all[0].id}/read`, { token: gus.token });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(gus, '?unread=true')).body).toMatchObject({ unreadCount: 2 });
    expect((await inbox(gus, '?unread=true')).body.items.map((item: { id: string }) => item.id)).not.toContain(all[0].id);

    const foreign = await ctx.api.request('POST', `/api/me/notifications/${all[1].id}/read`, { token: stranger.token });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'NOTIFICATION_NOT_FOUND' });
    const readAll = await ctx.api.request('POST', '/api/me/notifications/read-all', { token: gus.token });
    expect(readAll.body).toEqual({ updated: 2 });
    expect((await inbox(gus)).body.unreadCount).toBe(0);

    for (const query of ['?unread=maybe', '?limit=0', '?cursor=nonsense']) expect((await inbox(gus, query)).status).toBe(400);
    expect((await ctx.api.request('POST', '/api/me/notifications/not-a-uuid/read', { token: gus.token })).status).toBe(400);
    expect((await ctx.api.request('GET', '/api/me/notifications')).status).toBe(401);
  });
});
