import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { agencyIdOf, consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

interface AccessEntry {
  at: string;
  by: 'agency' | 'staff';
  agency: { id: string; name: string } | null;
  officer: string | null;
  purpose: { requestId: string; caseNumber: string; incidentType: string } | null;
  reason: string | null;
  recordingIds: string[];
}

describe('an owner’s access log: who looked at my footage, when and why (invariants 4, 5)', () => {
  const ctx = useTestContext();
  let admin: string;
  let adminId: string;
  let officer: TestUser;
  let otherOfficer: TestUser;
  let gwen: Neighbor;
  let hal: Neighbor;

  const log = (owner: TestUser, query = '') => ctx.api.request<{ items: AccessEntry[]; nextCursor: string | null }>('GET', `/api/me/access-log${query}`, { token: owner.token });
  const share = async (owner: Neighbor, requestId: string, recordingIds?: string[]) =>
    expect((await respond(ctx, owner, requestId, recordingIds ? { decision: 'share', recordingIds } : { decision: 'share' })).status).toBe(201);
  const viewAll = async (requestId: string, by: TestUser) =>
    expect((await ctx.api.request('GET', `/api/portal/requests/${requestId}/footage`, { token: by.token })).status).toBe(200);
  const viewOne = async (requestId: string, recordingId: string, by: TestUser) =>
    expect((await ctx.api.request('GET', `/api/portal/requests/${requestId}/footage/${recordingId}`, { token: by.token })).status).toBe(200);
  const caseOf = async (requestId: string, by: TestUser) => (await ctx.api.request('GET', `/api/portal/requests/${requestId}`, { token: by.token })).body.caseNumber as string;
  const staffOpen = (recordingId: string, reason?: string, token = admin) =>
    ctx.api.request('GET', `/api/admin/recordings/${recordingId}${reason === undefined ? '' : `?reason=${encodeURIComponent(reason)}`}`, { token });
  const staffViews = () =>
    ctx.dataSource.query(`SELECT actor, subject, data FROM audit_event WHERE action = 'recording.staff_viewed' ORDER BY seq`) as Promise<
      { actor: string; subject: string; data: Record<string, unknown> }[]
    >;

  beforeAll(async () => {
    admin = await adminToken(ctx);
    adminId = (await ctx.api.request('GET', '/api/me', { token: admin })).body.id;
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    ({ officer } = await consentWorld(ctx));
    otherOfficer = await newOfficer(ctx);
    await ctx.dataSource.query(`UPDATE agency SET name = 'Riverside Police Department' WHERE id = $1`, [await agencyIdOf(ctx, officer)]);
    await ctx.dataSource.query(`UPDATE agency SET name = 'Hill County Sheriff' WHERE id = $1`, [await agencyIdOf(ctx, otherOfficer)]);
    gwen = await newNeighbor(ctx, 2, 0, 'Gwen Arbor');
    hal = await newNeighbor(ctx, 1, 80, 'Hal Brook');
  });

  it('shows each agency look with the agency, a stable officer pseudonym, the purpose with its case number and the recordings', async () => {
    const first = await newRequest(ctx, officer);
    const second = await newRequest(ctx, otherOfficer);
    await share(gwen, first, [gwen.recordingIds[0]!]);
    await share(hal, first);
    await share(gwen, second);
    await viewAll(first, officer);
    await viewOne(first, gwen.recordingIds[0]!, officer);
    await viewAll(second, otherOfficer);

    const response = await log(gwen);
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    const [bySheriff, byOfficerOne, byOfficerList] = response.body.items as [AccessEntry, AccessEntry, AccessEntry];
    expect(response.body.items).toHaveLength(3);
    const riverside = { id: await agencyIdOf(ctx, officer), name: 'Riverside Police Department' };
    const firstPurpose = { requestId: first, caseNumber: await caseOf(first, officer), incidentType: 'package-theft' };
    expect(byOfficerList).toMatchObject({ by: 'agency', agency: riverside, purpose: firstPurpose, reason: null, recordingIds: [gwen.recordingIds[0]] });
    expect(byOfficerOne).toMatchObject({ by: 'agency', agency: riverside, purpose: firstPurpose, reason: null, recordingIds: [gwen.recordingIds[0]] });
    expect(bySheriff).toMatchObject({
      by: 'agency',
      agency: { id: await agencyIdOf(ctx, otherOfficer), name: 'Hill County Sheriff' },
      purpose: { requestId: second, caseNumber: await caseOf(second, otherOfficer), incidentType: 'package-theft' },
      recordingIds: gwen.recordingIds,
    });
    // Newest first.
    expect(response.body.items.map((item) => item.at)).toEqual(response.body.items.map((item) => item.at).sort().reverse());

    // The same officer, the same pseudonym; another officer, another one; neither reveals who.
    expect(byOfficerOne.officer).toEqual(expect.any(String));
    expect(byOfficerOne.officer).toBe(byOfficerList.officer);
    expect(bySheriff.officer).toEqual(expect.any(String));
    expect(bySheriff.officer).not.toBe(byOfficerOne.officer);
    const text = JSON.stringify(response.body);
    for (const person of [officer, otherOfficer]) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.displayName);
    }
  });

  it('shows an owner only the looks at their own footage', async () => {
    const requestId = await newRequest(ctx, officer);
    await share(hal, requestId);
    await viewAll(requestId, officer);
    const halsLog = await log(hal);
    expect(halsLog.status).toBe(200);
    expect(halsLog.body.items.every((item) => item.recordingIds.every((id) => hal.recordingIds.includes(id)))).toBe(true);
    expect(JSON.stringify(halsLog.body)).not.toMatch(new RegExp(gwen.recordingIds.join('|')));
    expect(halsLog.body.items[0]).toMatchObject({ purpose: { requestId }, recordingIds: hal.recordingIds });

    const gwensLog = await log(gwen);
    expect(gwensLog.body.items.map((item) => item.purpose?.requestId)).not.toContain(requestId);
    expect(JSON.stringify(gwensLog.body)).not.toContain(hal.recordingIds[0]);

    const stranger = await newResident(ctx, 'Never Shared');
    expect((await log(stranger)).body).toEqual({ items: [], nextCursor: null });
  });

  it('pages newest first with a keyset cursor, and refuses a cursor it did not issue with 400', async () => {
    const ivy = await newNeighbor(ctx, 2, -80, 'Ivy Cole');
    const requestId = await newRequest(ctx, officer);
    await share(ivy, requestId);
    await viewAll(requestId, officer);
    await viewOne(requestId, ivy.recordingIds[1]!, officer);

    const first = await log(ivy, '?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item) => item.recordingIds)).toEqual([[ivy.recordingIds[1]]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await log(ivy, `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(second.status).toBe(200);
    expect(second.body.items.map((item) => item.recordingIds)).toEqual([ivy.recordingIds]);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items]).toEqual((await log(ivy)).body.items);

    for (const cursor of ['nonsense', Buffer.from('seq:0').toString('base64url'), Buffer.from('seq:-1').toString('base64url')]) {
      const bad = await log(ivy, `?cursor=${encodeURIComponent(cursor)}`);
      expect(bad.status).toBe(400);
    }
    expect((await log(ivy, '?limit=0')).status).toBe(400);
    expect((await log(ivy, '?limit=101')).status).toBe(400);
  });

  it('under ring-2019 audits a staff look at a recording but does not show it to the owner', async () => {
    const before = (await log(gwen)).body;
    const staffBefore = (await staffViews()).length;
    const response = await staffOpen(gwen.recordingIds[1]!);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: gwen.recordingIds[1],
      cameraId: gwen.cameraId,
      startedAt: expect.any(String),
      endedAt: expect.any(String),
      trigger: 'motion',
      createdAt: expect.any(String),
    });
    expect((await staffOpen(gwen.recordingIds[1]!, 'Checking a playback bug')).status).toBe(200);

    expect((await staffViews()).slice(staffBefore)).toEqual([
      { actor: `user:${adminId}`, subject: `user:${gwen.id}`, data: { recordingId: gwen.recordingIds[1], reason: null, shownToOwner: false, policy: 'ring-2019' } },
      {
        actor: `user:${adminId}`,
        subject: `user:${gwen.id}`,
        data: { recordingId: gwen.recordingIds[1], reason: 'Checking a playback bug', shownToOwner: false, policy: 'ring-2019' },
      },
    ]);
    expect((await log(gwen)).body).toEqual(before);
  });

  it('under privacy-by-design staff must state a reason (422, nothing audited without), and the owner sees the look with it', async () => {
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    try {
      const staffBefore = (await staffViews()).length;
      for (const reason of [undefined, '', '   ']) {
        const refused = await staffOpen(gwen.recordingIds[0]!, reason);
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'POLICY_STAFF_REASON_REQUIRED' });
      }
      expect(await staffViews()).toHaveLength(staffBefore);

      const before = (await log(gwen)).body.items;
      const reason = 'Owner asked support to check this clip';
      const response = await staffOpen(gwen.recordingIds[0]!, reason);
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(gwen.recordingIds[0]);
      expect((await staffViews()).slice(staffBefore)).toEqual([
        { actor: `user:${adminId}`, subject: `user:${gwen.id}`, data: { recordingId: gwen.recordingIds[0], reason, shownToOwner: true, policy: 'privacy-by-design' } },
      ]);

      const after = (await log(gwen)).body.items;
      expect(after).toHaveLength(before.length + 1);
      expect(after[0]).toEqual({
        at: expect.any(String),
        by: 'staff',
        access: null,
        basis: null,
        agency: null,
        officer: null,
        purpose: null,
        reason,
        recordingIds: [gwen.recordingIds[0]],
      });
      expect(after.slice(1)).toEqual(before);
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('lets only admins open a recording as staff (403), answers 404 for an unknown one and 400 for a bad id or an overlong reason', async () => {
    const staffBefore = (await staffViews()).length;
    for (const token of [gwen.token, officer.token]) {
      expect((await staffOpen(gwen.recordingIds[0]!, 'curious', token)).status).toBe(403);
    }
    const unknown = await staffOpen(randomUUID(), 'looking');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'RECORDING_NOT_FOUND' });
    expect((await staffOpen('not-a-uuid', 'looking')).status).toBe(400);
    expect((await staffOpen(gwen.recordingIds[0]!, 'x'.repeat(501))).status).toBe(400);
    expect(await staffViews()).toHaveLength(staffBefore);
    expect((await staffOpen(gwen.recordingIds[0]!, 'x'.repeat(500))).status).toBe(200);
    expect(await staffViews()).toHaveLength(staffBefore + 1);
  });
});
