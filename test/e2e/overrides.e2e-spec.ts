import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { north, setPrivacy, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

interface Override {
  id: string;
  status: 'pending' | 'approved' | 'refused';
  decidedBy: 'system' | 'moderator' | null;
  counts: { owners: number; recordings: number; excluded: { encrypted: number } };
  /** On a refusal: the contract's error body. */
  code?: string;
}

interface Footage {
  owners: {
    pseudonym: string;
    name?: string;
    email?: string;
    recordings: { id: string; access: 'consent' | 'override'; basis?: string; camera?: unknown }[];
  }[];
}

describe('warrant and emergency overrides, and their moderation (invariant 6)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let moderator: TestUser;
  let spot = 0;

  /** A request over a spot of its own, so each test counts only its own neighbours. */
  const place = () => {
    const meters = ++spot * 900;
    return { meters, request: () => newRequest(ctx, officer, { area: { center: north(CENTER, meters), radiusMeters: 250 } }) };
  };
  const override = (body: Record<string, unknown>, token = officer.token) =>
    ctx.api.request<Override>('POST', '/api/portal/overrides', { token, body: { justification: 'A child is missing', ...body } });
  const decide = (id: string, body: Record<string, unknown>, token = moderator.token) =>
    ctx.api.request<Override>('POST', `/api/moderation/overrides/${id}/decision`, { token, body: { reason: 'Checked', ...body } });
  const footage = async (requestId: string) => {
    const response = await ctx.api.request<Footage>('GET', `/api/portal/requests/${requestId}/footage`, { token: officer.token });
    expect(response.status).toBe(200);
    return response.body.owners;
  };
  const reached = async (requestId: string) =>
    (await footage(requestId)).flatMap((owner) => owner.recordings.filter((recording) => recording.access === 'override').map((recording) => recording.id)).sort();
  const accessLog = async (owner: TestUser) =>
    (await ctx.api.request<{ items: { access: string | null; basis: string | null }[] }>('GET', '/api/me/access-log', { token: owner.token })).body.items;
  const auditActions = async (subject: string) =>
    (await ctx.api.request<{ items: { action: string; actor: string }[] }>('GET', `/api/audit?subject=${encodeURIComponent(subject)}`, { token: admin })).body.items
      .map((event) => event.action)
      .reverse();

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer } = await consentWorld(ctx));
    moderator = await newModerator(ctx);
  });

  describe('under ring-2019 (the platform decides alone, tells nobody)', () => {
    let decliner: Neighbor;
    let blocker: Neighbor;
    let encrypted: Neighbor;
    let requestId: string;
    let created: Override;

    beforeAll(async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
      const { meters, request } = place();
      decliner = await newNeighbor(ctx, 2, meters);
      blocker = await newNeighbor(ctx, 1, meters + 20);
      encrypted = await newNeighbor(ctx, 1, meters + 40);
      await setPrivacy(ctx, blocker, { policeRequests: 'block' });
      await setPrivacy(ctx, encrypted, { endToEndEncryption: true });
      requestId = await request();
      expect((await respond(ctx, decliner, requestId, { decision: 'decline' })).status).toBe(201);
      const response = await override({ requestId, basis: 'emergency' });
      expect(response.status).toBe(201);
      created = response.body;
    });

    it('grants an emergency at once, by the platform, reaching owners who declined or block requests', async () => {
      expect(created).toMatchObject({ status: 'approved', decidedBy: 'system', counts: { owners: 2, recordings: 3, excluded: { encrypted: 1 } } });
      expect(await reached(requestId)).toEqual([...decliner.recordingIds, ...blocker.recordingIds].sort());
    });

    it('never reaches an end-to-end encrypted camera', async () => {
      const all = (await footage(requestId)).flatMap((owner) => owner.recordings.map((recording) => recording.id));
      for (const id of encrypted.recordingIds) expect(all).not.toContain(id);
    });

    it('marks each recording with the basis and shows owners by pseudonym', async () => {
      for (const owner of await footage(requestId)) {
        expect(owner.pseudonym).toMatch(/^Neighbor #\d+$/);
        expect(owner.name).toBeUndefined();
        for (const recording of owner.recordings) expect(recording).toMatchObject({ access: 'override', basis: 'emergency' });
      }
    });

    it('keeps the override, its decision and every view on the record, and out of the owners’ access logs', async () => {
      await footage(requestId);
      expect(await auditActions(`override:${created.id}`)).toEqual(['override.requested', 'override.approved']);
      const views = await ctx.dataSource.query(
        `SELECT data FROM audit_event WHERE action = 'footage.viewed' AND subject = $1 AND data->>'overrideId' = $2`,
        [`user:${decliner.id}`, created.id],
      );
      expect(views.length).toBeGreaterThan(0);
      expect(views[0].data).toMatchObject({ access: 'override', basis: 'emergency', shownToOwner: false });
      expect(await accessLog(decliner)).toEqual([]);
      expect((await ctx.api.request('GET', '/api/audit/verify', { token: admin })).body.ok).toBe(true);
    });

    it('gives a recipient the number the request gave them, and an owner never asked the next free one', async () => {
      const asked = await ctx.api.request<{ items: { id: string; shownToPoliceAs: string }[] }>('GET', '/api/me/requests', { token: decliner.token });
      const number = asked.body.items.find((item) => item.id === requestId)!.shownToPoliceAs;
      const pseudonyms = (await footage(requestId)).map((owner) => owner.pseudonym);
      expect(pseudonyms).toEqual([number, 'Neighbor #2']);
    });
  });

  describe('under ring-2021 (a moderator decides)', () => {
    let owner: Neighbor;
    let requestId: string;

    beforeAll(async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2021' });
      const { meters, request } = place();
      owner = await newNeighbor(ctx, 2, meters);
      requestId = await request();
    });

    it('waits for a moderator, and opens nothing before the approval', async () => {
      const created = await override({ requestId, basis: 'emergency' });
      expect(created.body).toMatchObject({ status: 'pending', decidedBy: null, counts: { owners: 1, recordings: 2 } });
      expect(await reached(requestId)).toEqual([]);
      const queue = await ctx.api.request<{ items: { id: string }[] }>('GET', '/api/moderation/overrides?status=pending&limit=100', { token: moderator.token });
      expect(queue.body.items.map((item) => item.id)).toContain(created.body.id);

      const approved = await decide(created.body.id, { approve: true });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'moderator', reason: 'Checked' });
      const [listed] = await footage(requestId);
      // ring-2021 shows police who shares: under an override, who was reached.
      expect(listed).toMatchObject({ name: owner.displayName, email: owner.email });
      expect(listed!.recordings.map((recording) => recording.id).sort()).toEqual([...owner.recordingIds].sort());
      expect(await auditActions(`override:${created.body.id}`)).toEqual(['override.requested', 'override.approved']);
    });

    it('opens nothing after a refusal, and takes one decision only', async () => {
      const { meters, request } = place();
      await newNeighbor(ctx, 1, meters);
      const other = await request();
      const created = await override({ requestId: other, basis: 'emergency' });
      const refused = await decide(created.body.id, { approve: false, reason: 'No emergency shown' });
      expect(refused.body).toMatchObject({ status: 'refused', decidedBy: 'moderator', reason: 'No emergency shown' });
      expect(await reached(other)).toEqual([]);
      const again = await decide(created.body.id, { approve: true });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('OVERRIDE_ALREADY_DECIDED');
      expect(await auditActions(`override:${created.body.id}`)).toEqual(['override.requested', 'override.refused']);
    });

    it('lists a status in arrival order, a page at a time', async () => {
      const { meters, request } = place();
      await newNeighbor(ctx, 1, meters);
      const requestOf = await request();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await override({ requestId: requestOf, basis: 'emergency' })).body.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/moderation/overrides?status=pending&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await ctx.api.request<{ items: { id: string }[]; nextCursor: string | null }>('GET', query, { token: moderator.token });
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    });
  });

  describe('under privacy-by-design (a moderator decides, the owner is told)', () => {
    it('shows the override views in the owner’s access log, with the basis', async () => {
      await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
      const { meters, request } = place();
      const owner = await newNeighbor(ctx, 1, meters);
      await setPrivacy(ctx, owner, { policeRequests: 'receive' });
      const requestId = await request();
      const created = await override({ requestId, basis: 'emergency' });
      expect(created.body.status).toBe('pending');
      await decide(created.body.id, { approve: true });
      expect(await reached(requestId)).toEqual(owner.recordingIds);
      expect(await accessLog(owner)).toEqual([expect.objectContaining({ by: 'agency', access: 'override', basis: 'emergency' })]);
    });
  });

  describe('the warrant path', () => {
    let requestId: string;

    beforeAll(async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
      const { meters, request } = place();
      await newNeighbor(ctx, 1, meters);
      requestId = await request();
    });

    it('needs the warrant named', async () => {
      for (const warrantReference of [undefined, '  ']) {
        const response = await override({ requestId, basis: 'warrant', warrantReference });
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('OVERRIDE_WARRANT_REFERENCE_REQUIRED');
      }
    });

    it('is closed where the policy has no warrant path', async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2019', warrantPath: false });
      const response = await override({ requestId, basis: 'warrant', warrantReference: 'NY-SC-1' });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'POLICY_WARRANT_PATH_CLOSED', details: { rule: 'warrantPath' } });
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    });

    it('always waits for a moderator, who approves it only once checked', async () => {
      const created = await override({ requestId, basis: 'warrant', warrantReference: 'NY-SC-2031-0042' });
      expect(created.body).toMatchObject({ status: 'pending', warrantReference: 'NY-SC-2031-0042' });
      const unchecked = await decide(created.body.id, { approve: true });
      expect(unchecked.status).toBe(422);
      expect(unchecked.body.code).toBe('OVERRIDE_WARRANT_UNCHECKED');
      const approved = await decide(created.body.id, { approve: true, warrantChecked: true });
      expect(approved.body.status).toBe('approved');
      const [decision] = await ctx.dataSource.query(`SELECT data FROM audit_event WHERE action = 'override.approved' AND subject = $1`, [
        `override:${created.body.id}`,
      ]);
      expect(decision.data).toMatchObject({ basis: 'warrant', warrantChecked: true });
      expect((await footage(requestId)).flatMap((owner) => owner.recordings.map((recording) => recording.basis))).toContain('warrant');
    });
  });

  describe('cameras named', () => {
    it('reaches only those, each of which must lie in the area', async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
      const { meters, request } = place();
      const chosen = await newNeighbor(ctx, 1, meters);
      const other = await newNeighbor(ctx, 1, meters + 30);
      const outside = await newNeighbor(ctx, 1, meters + 5000);
      const requestId = await request();
      const refused = await override({ requestId, basis: 'emergency', cameraIds: [chosen.cameraId, outside.cameraId] });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'OVERRIDE_CAMERAS_OUTSIDE_AREA', details: { cameraIds: [outside.cameraId] } });
      const created = await override({ requestId, basis: 'emergency', cameraIds: [chosen.cameraId] });
      expect(created.body.counts).toMatchObject({ owners: 1, recordings: 1 });
      expect(await reached(requestId)).toEqual(chosen.recordingIds);
      expect(await reached(requestId)).not.toContain(other.recordingIds[0]);
    });
  });

  describe('who may do what', () => {
    let requestId: string;
    let pending: string;

    beforeAll(async () => {
      await usePolicy(ctx, admin, { profile: 'ring-2021' });
      const { meters, request } = place();
      await newNeighbor(ctx, 1, meters);
      requestId = await request();
      pending = (await override({ requestId, basis: 'emergency' })).body.id;
    });

    it('lets only officers and agency admins ask, and only for their agency’s requests', async () => {
      const resident = await newResident(ctx);
      expect((await override({ requestId, basis: 'emergency' }, resident.token)).status).toBe(403);
      expect((await override({ requestId, basis: 'emergency' }, moderator.token)).status).toBe(403);
      const stranger = await newOfficer(ctx);
      const response = await override({ requestId, basis: 'emergency' }, stranger.token);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('REQUEST_NOT_FOUND');
    });

    it('lets only moderators decide and read the queue', async () => {
      const resident = await newResident(ctx);
      for (const token of [officer.token, admin, resident.token]) {
        expect((await decide(pending, { approve: true }, token)).status).toBe(403);
        expect((await ctx.api.request('GET', '/api/moderation/overrides', { token })).status).toBe(403);
      }
      expect((await decide('00000000-0000-4000-8000-000000000000', { approve: true })).status).toBe(404);
    });
  });
});
