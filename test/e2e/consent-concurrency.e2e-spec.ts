import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const CROWD = 20;

describe('owners answering at the same moment: every answer counted once, one answer per owner (invariants 4, 5)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let crowd: Neighbor[];

  const counts = async (requestId: string) => {
    const response = await ctx.api.request('GET', `/api/portal/requests/${requestId}`, { token: officer.token });
    expect(response.status).toBe(200);
    return response.body.counts as { notified: number; shared: number; declined: number; pending: number };
  };
  const consents = (requestId: string) =>
    ctx.dataSource.query('SELECT owner_id, decision FROM consent WHERE request_id = $1', [requestId]) as Promise<{ owner_id: string; decision: string }[]>;
  const verifyChain = async () => {
    const response = await ctx.api.request('GET', '/api/audit/verify', { token: admin });
    expect(response.status).toBe(200);
    const [{ count }] = await ctx.dataSource.query('SELECT count(*)::int AS count FROM audit_event');
    expect(response.body).toMatchObject({ ok: true, length: count });
  };

  beforeAll(async () => {
    admin = await adminToken(ctx);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    ({ officer } = await consentWorld(ctx));
    crowd = [];
    for (let i = 0; i < CROWD; i++) crowd.push(await newNeighbor(ctx, 1, (i - CROWD / 2) * 10, `Crowd Member ${i}`));
  });

  it('takes 20 answers sent at once: each gets its receipt, the counts are exact, and the audit chain stays whole', async () => {
    const requestId = await newRequest(ctx, officer);
    expect(await counts(requestId)).toMatchObject({ notified: CROWD, shared: 0, declined: 0, pending: CROWD });

    const decisionOf = (i: number) => (i % 2 === 0 ? 'share' : 'decline');
    const responses = await Promise.all(crowd.map((owner, i) => respond(ctx, owner, requestId, { decision: decisionOf(i) })));
    expect(responses.map((response) => response.status)).toEqual(crowd.map(() => 201));
    responses.forEach((response, i) => {
      expect(response.body).toMatchObject({ decision: decisionOf(i), purpose: { requestId }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(response.body.recordingIds).toEqual(decisionOf(i) === 'share' ? crowd[i]!.recordingIds : []);
    });
    expect(new Set(responses.map((response) => response.body.receiptId)).size).toBe(CROWD);

    expect(await counts(requestId)).toMatchObject({ notified: CROWD, shared: CROWD / 2, declined: CROWD / 2, pending: 0 });
    const rows = await consents(requestId);
    expect(rows).toHaveLength(CROWD);
    expect(rows.map((row) => `${row.owner_id}:${row.decision}`).sort()).toEqual(crowd.map((owner, i) => `${owner.id}:${decisionOf(i)}`).sort());
    const [{ given, refused }] = await ctx.dataSource.query(
      `SELECT count(*) FILTER (WHERE action = 'consent.given')::int AS given, count(*) FILTER (WHERE action = 'consent.refused')::int AS refused
       FROM audit_event WHERE data->>'requestId' = $1`,
      [requestId],
    );
    expect({ given, refused }).toEqual({ given: CROWD / 2, refused: CROWD / 2 });
    await verifyChain();
  });

  it('lets an owner who sends two different answers at once have exactly one: one 201, one 409 CONSENT_ALREADY_DECIDED', async () => {
    const racers = crowd.slice(0, 5);
    const requestId = await newRequest(ctx, officer);
    const results = await Promise.all(
      racers.map((owner) => Promise.all([respond(ctx, owner, requestId, { decision: 'share' }), respond(ctx, owner, requestId, { decision: 'decline' })])),
    );

    const rows = await consents(requestId);
    expect(rows).toHaveLength(racers.length);
    racers.forEach((owner, i) => {
      const pair = results[i]!;
      expect(pair.map((response) => response.status).sort()).toEqual([201, 409]);
      const winner = pair.find((response) => response.status === 201)!;
      const loser = pair.find((response) => response.status === 409)!;
      expect(loser.body.code).toBe('CONSENT_ALREADY_DECIDED');
      expect(rows.filter((row) => row.owner_id === owner.id)).toEqual([{ owner_id: owner.id, decision: winner.body.decision }]);
    });
    const shared = rows.filter((row) => row.decision === 'share').length;
    expect(await counts(requestId)).toMatchObject({ notified: CROWD, shared, declined: racers.length - shared, pending: CROWD - racers.length });
    const [{ decisions }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS decisions FROM audit_event WHERE action IN ('consent.given', 'consent.refused') AND data->>'requestId' = $1`,
      [requestId],
    );
    expect(decisions).toBe(racers.length);
    await verifyChain();
  });
});
