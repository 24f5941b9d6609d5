import { createHash } from 'node:crypto';
import { Clock } from '@app/clock';
import { beforeAll, describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import { adminToken, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { CONSENT_NOW, consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { DAY, HOUR, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

/** The check anyone holding a receipt can make, written here without the project's own code. */
const rehash = ({ hash: _hash, ...fields }: Record<string, unknown>) =>
  createHash('sha256').update(canonicalize(fields)!).digest('hex');

describe('owners answer footage requests with consent receipts (invariants 3 and 4)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;

  const counts = async (requestId: string) =>
    (await ctx.api.request('GET', `/api/portal/requests/${requestId}`, { token: officer.token })).body.counts;
  const stateOf = async (requestId: string, owner: TestUser) =>
    (await ctx.dataSource.query('SELECT consent_state FROM request_recipient WHERE request_id = $1 AND owner_id = $2', [requestId, owner.id]))[0]
      ?.consent_state;
  const consentRows = async (requestId: string) =>
    Number((await ctx.dataSource.query('SELECT count(*) FROM consent WHERE request_id = $1', [requestId]))[0].count);

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
  });

  it('lists the requests that reached me, newest first, with my offered recordings and my decision', async () => {
    const ann = await newNeighbor(ctx, 2);
    const far = await newNeighbor(ctx, 1, 5000);
    const first = await newRequest(ctx, officer);
    const second = await newRequest(ctx, officer);
    const response = await ctx.api.request('GET', '/api/me/requests', { token: ann.token });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: string }) => item.id).slice(0, 2)).toEqual([second, first]);
    expect(response.body.items[0]).toMatchObject({
      agency: { id: expect.any(String), name: 'Test Police Department' },
      incidentType: 'package-theft',
      status: 'open',
      shownToPoliceAs: expect.stringMatching(/^Neighbor #\d+$/),
      decision: { state: 'requested', consentId: null, decidedAt: null, sharedRecordingIds: [] },
    });
    expect(response.body.items[0].offeredRecordings.map((recording: { id: string }) => recording.id)).toEqual(ann.recordingIds);
    expect((await ctx.api.request('GET', '/api/me/requests', { token: far.token })).body.items).toEqual([]);

    const page = await ctx.api.request('GET', '/api/me/requests?limit=1', { token: ann.token });
    const next = await ctx.api.request('GET', `/api/me/requests?limit=1&cursor=${page.body.nextCursor}`, { token: ann.token });
    expect([page.body.items[0].id, next.body.items[0].id]).toEqual([second, first]);
    expect((await ctx.api.request('GET', '/api/me/requests?cursor=nonsense', { token: ann.token })).status).toBe(400);
    expect((await ctx.api.request('GET', '/api/me/requests', { token: officer.token })).status).toBe(403);
  });

  it('sharing everything offered answers 201 with a receipt whose hash anyone can recompute', async () => {
    const ann = await newNeighbor(ctx, 2);
    const requestId = await newRequest(ctx, officer);
    const response = await respond(ctx, ann, requestId, { decision: 'share' });
    expect(response.status).toBe(201);
    const receipt = response.body;
    expect(receipt).toEqual({
      receiptId: expect.any(String),
      version: '1.0',
      // The sandbox clock was set to CONSENT_NOW and runs on from there.
      timestamp: expect.stringMatching(/^2031-09-01T12:0/),
      principal: expect.stringMatching(/^principal-[0-9a-f]{24}$/),
      controller: { name: 'Porchlight', url: ctx.config.http.publicUrl },
      recipient: { agencyId: expect.any(String), name: 'Test Police Department' },
      purpose: { requestId, incidentType: 'package-theft', caseNumber: expect.stringMatching(/^CONSENT-/) },
      legalBasis: 'consent',
      decision: 'share',
      dataCategories: ['video'],
      recordingIds: ann.recordingIds,
      retention: { days: 60 },
      withdrawal: { url: `${ctx.config.http.publicUrl}/api/consents/${receipt.receiptId}/withdraw` },
      policy: { profile: 'ring-2019' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(receipt)).not.toContain(ann.id);
    expect(rehash(receipt)).toBe(receipt.hash);

    const stored = await ctx.api.request('GET', `/api/consents/${receipt.receiptId}/receipt`, { token: ann.token });
    expect(stored.body).toEqual(receipt);
    expect(await stateOf(requestId, ann)).toBe('given');
    // Earlier tests' neighbours live in the same area and are asked too; they have not answered.
    const after = await counts(requestId);
    expect(after).toMatchObject({ shared: 1, declined: 0, pending: after.notified - 1 });
    const listed = (await ctx.api.request('GET', '/api/me/requests', { token: ann.token })).body.items[0];
    expect(listed.decision).toMatchObject({ state: 'given', consentId: receipt.receiptId, sharedRecordingIds: ann.recordingIds });
    expect(await ctx.dataSource.query(`SELECT actor, action FROM audit_event WHERE subject = $1`, [`consent:${receipt.receiptId}`])).toEqual([
      { actor: `user:${ann.id}`, action: 'consent.given' },
    ]);
    expect(await ctx.dataSource.query(`SELECT type, payload FROM outbox_event WHERE type = 'consent.given' AND payload->>'consentId' = $1`, [receipt.receiptId])).toEqual([
      { type: 'consent.given', payload: { requestId, agencyId: receipt.recipient.agencyId, consentId: receipt.receiptId } },
    ]);
  });

  it('shares exactly the chosen subset of the offered recordings', async () => {
    const bob = await newNeighbor(ctx, 3);
    const requestId = await newRequest(ctx, officer);
    const chosen = [bob.recordingIds[2]!, bob.recordingIds[0]!];
    const response = await respond(ctx, bob, requestId, { decision: 'share', recordingIds: chosen });
    expect(response.status).toBe(201);
    expect(response.body.recordingIds).toEqual([bob.recordingIds[0], bob.recordingIds[2]]);
    const shared = await ctx.dataSource.query('SELECT recording_id FROM consent_recording WHERE request_id = $1 ORDER BY recording_id', [requestId]);
    expect(shared.map((row: { recording_id: string }) => row.recording_id)).toEqual([...chosen].sort());
  });

  it('refuses anything but a non-empty subset of the offered recordings with 422, and stores nothing', async () => {
    const cat = await newNeighbor(ctx, 2);
    const other = await newNeighbor(ctx, 1, 10);
    const requestId = await newRequest(ctx, officer);
    const refusals: [Record<string, unknown>, string][] = [
      [{ decision: 'share', recordingIds: [] }, 'RECORDINGS_EMPTY'],
      [{ decision: 'share', recordingIds: [cat.recordingIds[0], other.recordingIds[0]] }, 'RECORDINGS_NOT_OFFERED'],
      [{ decision: 'share', recordingIds: ['00000000-0000-4000-8000-000000000000'] }, 'RECORDINGS_NOT_OFFERED'],
      [{ decision: 'decline', recordingIds: [cat.recordingIds[0]] }, 'DECLINE_WITH_RECORDINGS'],
    ];
    for (const [body, code] of refusals) {
      const response = await respond(ctx, cat, requestId, body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code });
    }
    const invalid = [{ decision: 'maybe' }, { decision: 'share', recordingIds: ['not-a-uuid'] }, { decision: 'share', recordingIds: 'all' }, { decision: 'share', recordingIds: null }, { decision: 'share', extra: 1 }, {}];
    for (const body of invalid) expect((await respond(ctx, cat, requestId, body)).status).toBe(400);
    expect(await consentRows(requestId)).toBe(0);
    expect(await stateOf(requestId, cat)).toBe('requested');
  });

  it('takes one answer per owner: a second one is 409 CONSENT_ALREADY_DECIDED', async () => {
    const dan = await newNeighbor(ctx, 1);
    const requestId = await newRequest(ctx, officer);
    expect((await respond(ctx, dan, requestId, { decision: 'decline' })).status).toBe(201);
    const again = await respond(ctx, dan, requestId, { decision: 'share' });
    expect({ status: again.status, code: again.body.code, details: again.body.details }).toEqual({
      status: 409,
      code: 'CONSENT_ALREADY_DECIDED',
      details: { state: 'refused' },
    });
    expect(await consentRows(requestId)).toBe(1);
  });

  it('answers 404 to an owner the request never reached, and to an unknown request', async () => {
    const ann = await newNeighbor(ctx, 1);
    const stranger = await newResident(ctx);
    const requestId = await newRequest(ctx, officer);
    for (const [owner, id] of [[stranger, requestId], [ann, '00000000-0000-4000-8000-000000000000']] as const) {
      const response = await respond(ctx, owner, id, { decision: 'share' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'REQUEST_NOT_FOUND' });
    }
    expect((await respond(ctx, ann, 'not-a-uuid', { decision: 'share' })).status).toBe(400);
    expect((await ctx.api.request('POST', `/api/me/requests/${requestId}/response`, { token: officer.token, body: { decision: 'share' } })).status).toBe(403);
  });

  it('a decline also gets a receipt: nothing shared, nothing to withdraw', async () => {
    const eve = await newNeighbor(ctx, 1);
    const requestId = await newRequest(ctx, officer);
    const response = await respond(ctx, eve, requestId, { decision: 'decline' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ decision: 'decline', recordingIds: [], withdrawal: null });
    expect(rehash(response.body)).toBe(response.body.hash);
    const after = await counts(requestId);
    expect(after).toMatchObject({ shared: 0, declined: 1, pending: after.notified - 1 });
    const withdraw = await ctx.api.request('POST', `/api/consents/${response.body.receiptId}/withdraw`, { token: eve.token });
    expect({ status: withdraw.status, code: withdraw.body.code }).toEqual({ status: 409, code: 'CONSENT_NOT_WITHDRAWABLE' });
  });

  it('withdrawal moves given → withdrawn once, records withdrawnAt in a resealed receipt, and is the owner’s alone', async () => {
    const fay = await newNeighbor(ctx, 1);
    const other = await newResident(ctx);
    const requestId = await newRequest(ctx, officer);
    const given = (await respond(ctx, fay, requestId, { decision: 'share' })).body;
    for (const [method, path] of [['GET', 'receipt'], ['POST', 'withdraw']] as const) {
      const response = await ctx.api.request(method, `/api/consents/${given.receiptId}/${path}`, { token: other.token });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'CONSENT_NOT_FOUND' });
    }
    const withdrawn = await ctx.api.request('POST', `/api/consents/${given.receiptId}/withdraw`, { token: fay.token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual({ ...given, withdrawnAt: expect.stringMatching(/^2031-09-01T12:0/), hash: expect.any(String) });
    expect(withdrawn.body.hash).not.toBe(given.hash);
    expect(rehash(withdrawn.body)).toBe(withdrawn.body.hash);
    expect((await ctx.api.request('GET', `/api/consents/${given.receiptId}/receipt`, { token: fay.token })).body).toEqual(withdrawn.body);
    expect(await stateOf(requestId, fay)).toBe('withdrawn');
    expect(await counts(requestId)).toMatchObject({ shared: 0 });
    const again = await ctx.api.request('POST', `/api/consents/${given.receiptId}/withdraw`, { token: fay.token });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'CONSENT_NOT_WITHDRAWABLE' });
    const audit = await ctx.dataSource.query(`SELECT action, data FROM audit_event WHERE subject = $1 ORDER BY seq`, [`consent:${given.receiptId}`]);
    expect(audit.map((event: { action: string }) => event.action)).toEqual(['consent.given', 'consent.withdrawn']);
    expect(audit[1].data).toMatchObject({ previousHash: given.hash, hash: withdrawn.body.hash });
  });

  it('with the same Idempotency-Key returns the first receipt and stores one consent', async () => {
    const gus = await newNeighbor(ctx, 1);
    const requestId = await newRequest(ctx, officer);
    const headers = { 'idempotency-key': `answer-${requestId}` };
    const first = await respond(ctx, gus, requestId, { decision: 'share' }, headers);
    const second = await respond(ctx, gus, requestId, { decision: 'share' }, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(await consentRows(requestId)).toBe(1);
  });

  it('fixes what the receipt says by the policy the owner answered under', async () => {
    const hal: Neighbor = await newNeighbor(ctx, 1);
    const ida: Neighbor = await newNeighbor(ctx, 1, 20);
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    try {
      const requestId = await newRequest(ctx, officer, { window: { start: new Date(CONSENT_NOW.getTime() - 2 * HOUR).toISOString(), end: CONSENT_NOW.toISOString() } });
      const identified = (await respond(ctx, hal, requestId, { decision: 'share' })).body;
      expect(identified).toMatchObject({ dataCategories: ['video', 'identity'], policy: { profile: 'ring-2021' }, retention: { days: 60 } });
      await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
      const pseudonymous = (await respond(ctx, ida, requestId, { decision: 'share' })).body;
      expect(pseudonymous).toMatchObject({ dataCategories: ['video'], policy: { profile: 'privacy-by-design' }, retention: { days: 30 } });
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('refuses answers to a closed, deleted or expired request with 409 REQUEST_NOT_OPEN', async () => {
    const jo = await newNeighbor(ctx, 1);
    const closed = await newRequest(ctx, officer);
    const deleted = await newRequest(ctx, officer);
    const expiring = await newRequest(ctx, officer);
    await ctx.api.request('POST', `/api/portal/requests/${closed}/close`, { token: officer.token });
    await ctx.api.request('DELETE', `/api/portal/requests/${deleted}`, { token: officer.token });
    // Past the expiry (7 days under ring-2019) but before any worker swept it: still not open.
    await ctx.api.app.get(Clock).setNow(new Date(CONSENT_NOW.getTime() + 7 * DAY + HOUR));
    for (const [id, status] of [[closed, 'closed'], [deleted, 'deleted'], [expiring, 'expired']]) {
      const response = await respond(ctx, jo, id!, { decision: 'share' });
      expect({ status: response.status, code: response.body.code, details: response.body.details }).toEqual({
        status: 409,
        code: 'REQUEST_NOT_OPEN',
        details: { status },
      });
    }
    expect(await stateOf(expiring, jo)).toBe('requested');
  });
});
