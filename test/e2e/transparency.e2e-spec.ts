import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { adminToken, newModerator, newOfficer, type TestUser } from '../support/cameras-fixtures.js';
import { CENTER, CONSENT_NOW, consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { DAY, north, setPrivacy, usePolicy } from '../support/requests-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

interface OverrideCounts {
  requested: number;
  approved: number;
  refused: number;
}

interface Figures {
  requests: { made: number; expired: number };
  owners: { asked: number; excluded: { noRecordings: number; blocked: number; encrypted: number; optInNotGiven: number } };
  answers: { shares: number; declines: number; withdrawals: number };
  identitiesDisclosed: number;
  overrides: { warrant: OverrideCounts; emergency: OverrideCounts; ownersReached: number };
}

interface Report {
  period: { from: string; to: string };
  agencies: (Figures & { agency: { id: string; name: string; kind: string } })[];
  totals: Figures & { staffFootageAccesses: number; postsReportedForProfiling: number; postsRemoved: number };
}

interface AuditEvent {
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

const FROM = new Date(CONSENT_NOW.getTime() - 30 * DAY).toISOString();
const TO = new Date(CONSENT_NOW.getTime() + 30 * DAY).toISOString();

const zero = (): Figures => ({
  requests: { made: 0, expired: 0 },
  owners: { asked: 0, excluded: { noRecordings: 0, blocked: 0, encrypted: 0, optInNotGiven: 0 } },
  answers: { shares: 0, declines: 0, withdrawals: 0 },
  identitiesDisclosed: 0,
  overrides: { warrant: { requested: 0, approved: 0, refused: 0 }, emergency: { requested: 0, approved: 0, refused: 0 }, ownersReached: 0 },
});

/**
 * The public transparency report after a scripted scenario across three policies and two
 * agencies: every number equals the hand count, and the same numbers come out of the audit log.
 */
describe('the public transparency report', () => {
  const ctx = useTestContext({ worker: true });
  let admin: string;
  let moderator: TestUser;
  let townPd: TestUser;
  let county: TestUser;
  const owners: Neighbor[] = [];
  let spot = 0;

  const areaAt = (meters: number) => ({ area: { center: north(CENTER, meters), radiusMeters: 250 } });
  const neighbours = async (count: number) => {
    const meters = ++spot * 900;
    const made: Neighbor[] = [];
    for (let i = 0; i < count; i++) made.push(await newNeighbor(ctx, 1, meters + i * 20));
    owners.push(...made);
    return { meters, made };
  };
  const override = async (officer: TestUser, body: Record<string, unknown>) => {
    const response = await ctx.api.request<{ id: string; status: string }>('POST', '/api/portal/overrides', {
      token: officer.token,
      body: { justification: 'Scripted', ...body },
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const decide = async (id: string, body: Record<string, unknown>) =>
    expect(
      (await ctx.api.request('POST', `/api/moderation/overrides/${id}/decision`, { token: moderator.token, body: { reason: 'Scripted', ...body } }))
        .status,
    ).toBe(200);
  const close = async (officer: TestUser, requestId: string) =>
    expect((await ctx.api.request('POST', `/api/portal/requests/${requestId}/close`, { token: officer.token })).status).toBe(200);
  const report = (query = `?from=${FROM}&to=${TO}`, headers: Record<string, string> = {}) =>
    ctx.api.request<Report>('GET', `/api/transparency${query}`, { headers });
  const auditOf = async (action: string): Promise<AuditEvent[]> => {
    const events: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/audit?action=${action}&from=${FROM}&to=${TO}&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await ctx.api.request<{ items: AuditEvent[]; nextCursor: string | null }>('GET', url, { token: admin });
      expect(page.status).toBe(200);
      events.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return events;
  };

  beforeAll(async () => {
    admin = await adminToken(ctx);
    ({ officer: townPd } = await consentWorld(ctx));
    county = await newOfficer(ctx);
    moderator = await newModerator(ctx);

    // ring-2019: Town PD asks five owners' area (one blocks requests, one encrypts): three asked.
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    const first = await neighbours(5);
    const [sharer, decliner, , blocker, encrypted] = first.made;
    await setPrivacy(ctx, blocker!, { policeRequests: 'block' });
    await setPrivacy(ctx, encrypted!, { endToEndEncryption: true });
    const r1 = await newRequest(ctx, townPd, areaAt(first.meters));
    const shared = await respond(ctx, sharer!, r1, { decision: 'share' });
    expect(shared.status).toBe(201);
    expect((await respond(ctx, decliner!, r1, { decision: 'decline' })).status).toBe(201);
    expect((await ctx.api.request('POST', `/api/consents/${shared.body.receiptId}/withdraw`, { token: sharer!.token })).status).toBe(200);
    // Granted by the platform alone and kept out of the report by ring-2019.
    await override(townPd, { requestId: r1, basis: 'emergency' });
    await close(townPd, r1);
    // A request nobody answers: it expires.
    const second = await neighbours(1);
    await newRequest(ctx, townPd, areaAt(second.meters));
    // The county's one request, declined, closed.
    const fourth = await neighbours(1);
    const r4 = await newRequest(ctx, county, areaAt(fourth.meters));
    expect((await respond(ctx, fourth.made[0]!, r4, { decision: 'decline' })).status).toBe(201);
    await close(county, r4);

    // ring-2021: a share shows the owner's identity; a warrant (always reported, shown by identity);
    // an emergency refused, which ring-2021 keeps out of the report.
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    const third = await neighbours(1);
    const r3 = await newRequest(ctx, townPd, areaAt(third.meters));
    expect((await respond(ctx, third.made[0]!, r3, { decision: 'share' })).status).toBe(201);
    const warrant = await override(townPd, { requestId: r3, basis: 'warrant', warrantReference: 'NY-SC-7' });
    await decide(warrant.id, { approve: true, warrantChecked: true });
    const refused = await override(townPd, { requestId: r3, basis: 'emergency' });
    await decide(refused.id, { approve: false });
    await close(townPd, r3);

    // privacy-by-design: an emergency asked for and approved, reported, shown by pseudonym; and
    // staff open a recording with a stated reason.
    await usePolicy(ctx, admin, { profile: 'privacy-by-design' });
    const emergency = await override(townPd, { requestId: r3, basis: 'emergency' });
    expect(emergency.status).toBe('pending');
    await decide(emergency.id, { approve: true });
    const staff = await ctx.api.request('GET', `/api/admin/recordings/${sharer!.recordingIds[0]}?reason=${encodeURIComponent('Owner asked support')}`, {
      token: admin,
    });
    expect(staff.status).toBe(200);

    // A week and a day later the unanswered request has expired (ring-2019's seven days).
    const moved = await ctx.api.request('POST', '/api/sandbox/clock', { headers: { 'x-sandbox-key': TEST_SANDBOX_KEY }, body: { advanceSeconds: 8 * 86_400 } });
    expect(moved.body.status).toBe('ready');
  });

  it('equals the hand count, per agency and in total', async () => {
    const response = await report();
    expect(response.status).toBe(200);
    const town = response.body.agencies.find((row) => row.requests.made === 3);
    const countyRow = response.body.agencies.find((row) => row.requests.made === 1);
    expect(response.body.agencies).toHaveLength(2);
    expect(town).toEqual({
      agency: { id: expect.any(String), name: 'Test Police Department', kind: 'police' },
      requests: { made: 3, expired: 1 },
      owners: { asked: 5, excluded: { noRecordings: 0, blocked: 1, encrypted: 1, optInNotGiven: 0 } },
      answers: { shares: 2, declines: 1, withdrawals: 1 },
      identitiesDisclosed: 2,
      overrides: { warrant: { requested: 1, approved: 1, refused: 0 }, emergency: { requested: 1, approved: 1, refused: 0 }, ownersReached: 2 },
    });
    expect(countyRow).toMatchObject({ requests: { made: 1, expired: 0 }, owners: { asked: 1 }, answers: { shares: 0, declines: 1, withdrawals: 0 } });
    expect(response.body.totals).toMatchObject({
      requests: { made: 4, expired: 1 },
      owners: { asked: 6 },
      answers: { shares: 2, declines: 2, withdrawals: 1 },
      identitiesDisclosed: 2,
      staffFootageAccesses: 1,
    });
    expect(response.body.period).toEqual({ from: FROM, to: TO });
  });

  it('reconciles with the audit log: every figure recomputed from the events', async () => {
    const { body } = await report();
    const byAgency = new Map<string, Figures>(body.agencies.map((row) => [row.agency.id, zero()]));
    const figuresOf = (agencyId: unknown) => byAgency.get(String(agencyId))!;
    const requestAgency = new Map<string, string>();
    for (const event of await auditOf('request.created')) {
      const data = event.data as { agencyId: string; notified: number; excluded: Figures['owners']['excluded'] };
      requestAgency.set(event.subject, data.agencyId);
      const figures = figuresOf(data.agencyId);
      figures.requests.made++;
      figures.owners.asked += data.notified;
      for (const [reason, count] of Object.entries(data.excluded)) figures.owners.excluded[reason as keyof Figures['owners']['excluded']] += count;
    }
    for (const event of await auditOf('request.expired')) figuresOf(requestAgency.get(event.subject)).requests.expired++;
    for (const event of await auditOf('consent.given')) {
      figuresOf(event.data.agencyId).answers.shares++;
      if (event.data.identityDisclosed) figuresOf(event.data.agencyId).identitiesDisclosed++;
    }
    for (const event of await auditOf('consent.refused')) figuresOf(event.data.agencyId).answers.declines++;
    for (const event of await auditOf('consent.withdrawn')) figuresOf(event.data.agencyId).answers.withdrawals++;
    const asked = new Map<string, AuditEvent>();
    for (const event of await auditOf('override.requested')) {
      asked.set(event.subject, event);
      if (event.data.inTransparencyReport) figuresOf(event.data.agencyId).overrides[event.data.basis as 'warrant' | 'emergency'].requested++;
    }
    for (const [action, outcome] of [['override.approved', 'approved'], ['override.refused', 'refused']] as const) {
      for (const event of await auditOf(action)) {
        if (!event.data.inTransparencyReport) continue;
        const request = asked.get(event.subject)!;
        const figures = figuresOf(request.data.agencyId);
        figures.overrides[event.data.basis as 'warrant' | 'emergency'][outcome]++;
        if (outcome === 'approved') {
          figures.overrides.ownersReached += request.data.owners as number;
          if (event.data.shownAs === 'identity') figures.identitiesDisclosed += request.data.owners as number;
        }
      }
    }
    expect(body.agencies.map(({ agency: _agency, ...figures }) => figures)).toEqual(body.agencies.map((row) => byAgency.get(row.agency.id)));
    expect(body.totals.staffFootageAccesses).toBe((await auditOf('recording.staff_viewed')).length);
  });

  it('gives the same table as CSV, by query or by Accept header', async () => {
    const { body: json } = await report();
    for (const response of [await report(`?from=${FROM}&to=${TO}&format=csv`), await report(`?from=${FROM}&to=${TO}`, { accept: 'text/csv' })]) {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const rows: Record<string, string>[] = parse(response.body as unknown as string, { columns: true });
      expect(rows).toHaveLength(json.agencies.length + 1);
      const total = rows.at(-1)!;
      expect(total).toMatchObject({ scope: 'total', requests_made: '4', owners_asked: '6', shares: '2', staff_footage_accesses: '1' });
      const town = rows.find((row) => row.requests_made === '3')!;
      expect(town).toMatchObject({ scope: 'agency', agency_name: 'Test Police Department', warrant_overrides_approved: '1', owners_reached_by_overrides: '2' });
    }
  });

  it('holds no personal data: no user id, name, email or coordinate, in JSON or CSV', async () => {
    const texts = [JSON.stringify((await report()).body), (await report(`?from=${FROM}&to=${TO}&format=csv`)).body as unknown as string];
    for (const text of texts) {
      for (const owner of [...owners, townPd, county, moderator]) {
        expect(text).not.toContain(owner.id);
        expect(text).not.toContain(owner.email);
        expect(text).not.toContain(owner.displayName);
      }
      expect(text).not.toMatch(/40\.\d{3}|-74\.\d{3}|"(lat|lng)"/);
    }
  });

  it('defaults to the year up to now, and refuses a period that ends before it starts', async () => {
    const fallback = await report('');
    expect(fallback.status).toBe(200);
    expect(new Date(fallback.body.period.to).getTime() - new Date(fallback.body.period.from).getTime()).toBe(365 * DAY);
    const inverted = await report(`?from=${TO}&to=${FROM}`);
    expect(inverted.status).toBe(400);
    expect((inverted.body as unknown as { code: string }).code).toBe('PERIOD_INVALID');
    expect((await report('?from=yesterday')).status).toBe(400);
    expect((await report('?format=xml')).status).toBe(400);
  });
});
