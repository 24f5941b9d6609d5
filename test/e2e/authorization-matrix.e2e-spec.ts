import { TokenService } from '@app/identity';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, newModerator, newOfficer, type TestUser } from '../support/cameras-fixtures.js';
import { agencyIdOf, CENTER, CONSENT_NOW, consentWorld, newNeighbor, newRequest, respond, type Neighbor } from '../support/consent-fixtures.js';
import { HOUR, north } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';
import { waitFor } from '../support/wait-for.js';

type Served = 'caller' | 'agency' | 'all';
type Operation = { 'x-roles'?: string[]; 'x-serves'?: Served; parameters?: { name: string; in: string }[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Every kind of caller the matrix tries, each with the role the routes know it by. */
const CALLERS = ['anonymous', 'resident A', 'resident B', 'officer A', 'officer B', 'agency admin A', 'agency admin B', 'moderator', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];
const ROLE_OF: Record<CallerName, string | null> = {
  anonymous: null,
  'resident A': 'resident',
  'resident B': 'resident',
  'officer A': 'officer',
  'officer B': 'officer',
  'agency admin A': 'agency_admin',
  'agency admin B': 'agency_admin',
  moderator: 'moderator',
  admin: 'admin',
};
/** Who owns the objects in the paths: resident A, and agency A (officer A, agency admin A). */
const OWNERS: Record<Exclude<Served, 'all'>, CallerName[]> = { caller: ['resident A'], agency: ['officer A', 'agency admin A'] };

/** What the matrix allows: a status, or "anything but these". */
type Expected = { exactly: number } | { not: number[] };
const METHOD_ORDER = ['get', 'put', 'patch', 'post', 'delete'];

/**
 * OWASP API Security 2023, API1 (broken object level authorization) and API5 (broken function
 * level authorization), over every documented route: each is called by every kind of caller on
 * objects that belong to resident A and agency A, and the answer is held to what the document
 * says of the route — `x-roles` (who may call it) and `x-serves` (whose objects it reaches),
 * written by the same decorators the guards read. A caller without credentials gets 401, a role
 * not listed 403, a listed role on another's object 404 (a 403 would say the object exists), and
 * nobody ever a 5xx. Lists that serve the caller's own never show A's objects to anyone else. A
 * route added to the document is in the matrix the day it is written; one without `x-roles` or
 * `x-serves` fails it.
 */
describe('authorization matrix: every route × every kind of caller × whose object it is', () => {
  // The worker fans resident A's notification out.
  const ctx = useTestContext({ worker: true, env: { FEED_POST_RATE_LIMIT: '1000', FEED_COMMENT_RATE_LIMIT: '1000' } });
  const tokens = {} as Record<CallerName, string | undefined>;
  /** The path parameters of every route, as A's objects. */
  const objects: Record<string, string> = {};
  /**
   * Ids of A's objects: resident A's own (camera, clips, receipt, notification) and agency A's
   * requests. A list of the caller's own shows resident A's only to resident A, and agency A's only
   * to resident A (asked by them) and agency A.
   */
  const secrets = { resident: [] as string[], agency: [] as string[] };
  let document: OpenApi;

  async function agencyMember(agencyId: string, role: 'officer' | 'agency_admin'): Promise<string> {
    const [user] = await ctx.dataSource.query(
      `INSERT INTO app_user (email, display_name, role, agency_id, password_hash) VALUES ($1, 'Member', $2, $3, 'not-a-hash') RETURNING id`,
      [`${role}-${agencyId.slice(0, 8)}@police.example.org`, role, agencyId],
    );
    return ctx.api.app.get(TokenService).issue({ id: user.id, role });
  }

  beforeAll(async () => {
    const { officer: officerA } = await consentWorld(ctx);
    const officerB: TestUser = await newOfficer(ctx);
    const [agencyA, agencyB] = [await agencyIdOf(ctx, officerA), await agencyIdOf(ctx, officerB)];
    const residentA: Neighbor = await newNeighbor(ctx, 2);
    // Far from the requests' circle: never asked, so no request of A's is B's to answer.
    const residentB: Neighbor = await newNeighbor(ctx, 1, 5_000);
    Object.assign(tokens, {
      anonymous: undefined,
      'resident A': residentA.token,
      'resident B': residentB.token,
      'officer A': officerA.token,
      'officer B': officerB.token,
      'agency admin A': await agencyMember(agencyA, 'agency_admin'),
      'agency admin B': await agencyMember(agencyB, 'agency_admin'),
      moderator: (await newModerator(ctx)).token,
      admin: await adminToken(ctx),
    });

    // A's objects: a request of agency A that reached resident A, who shared on it; others to close and delete.
    const requestId = await newRequest(ctx, officerA);
    const shared = await respond(ctx, residentA, requestId, { decision: 'share' });
    expect(shared.status).toBe(201);
    const [toClose, toDelete] = [await newRequest(ctx, officerA), await newRequest(ctx, officerA)];
    await waitFor(async () => (await ctx.api.request('GET', '/api/me/notifications', { token: residentA.token })).body.items.length > 0, { what: 'resident A’s notification' });
    const notificationId = (await ctx.api.request('GET', '/api/me/notifications', { token: residentA.token })).body.items[0].id;
    const post = await ctx.api.request('POST', '/api/posts', {
      token: residentA.token,
      body: { category: 'lost-pet', title: 'Lost cat', body: 'Grey, answers to Mia', location: CENTER },
    });
    expect(post.status).toBe(201);
    Object.assign(objects, {
      '/api/cameras/{id}': residentA.cameraId,
      '/api/cameras/{id}/recordings': residentA.cameraId,
      '/api/agencies/{id}': agencyA,
      '/api/agencies/{id}/officers': agencyA,
      '/api/portal/requests/{id}': toDelete,
      '/api/portal/requests/{id}/close': toClose,
      '/api/portal/requests/{id}/footage': requestId,
      '/api/portal/requests/{id}/footage/{recordingId}': `${requestId}|${residentA.recordingIds[0]}`,
      '/api/me/requests/{id}/response': toClose,
      '/api/consents/{id}/receipt': shared.body.receiptId,
      '/api/consents/{id}/withdraw': shared.body.receiptId,
      '/api/admin/recordings/{id}': residentA.recordingIds[0]!,
      '/api/me/notifications/{id}/read': notificationId,
      '/api/posts/{id}': post.body.id,
      '/api/posts/{id}/comments': post.body.id,
      '/api/posts/{id}/reports': post.body.id,
      '/api/moderation/posts/{id}/decision': post.body.id,
    });
    secrets.resident.push(residentA.cameraId, ...residentA.recordingIds, shared.body.receiptId, notificationId);
    secrets.agency.push(requestId, toClose, toDelete);
    document = (await ctx.api.request('GET', '/docs-json')).body;
  });

  /** Bodies that pass validation, so that what answers is the route's authorization, not its DTO. */
  const bodyFor = (template: string, method: string): unknown => {
    const recording = { startedAt: new Date(CONSENT_NOW.getTime() - HOUR).toISOString(), endedAt: new Date(CONSENT_NOW.getTime() - HOUR / 2).toISOString(), trigger: 'motion' };
    const bodies: Record<string, unknown> = {
      'patch /api/cameras/{id}': { label: 'Side door' },
      'post /api/cameras/{id}/recordings': recording,
      'post /api/agencies/{id}/officers': { email: `matrix-${Math.random().toString(36).slice(2)}@police.example.org`, password: 'a-long-enough-password', displayName: 'New Officer', role: 'officer' },
      'post /api/me/requests/{id}/response': { decision: 'decline' },
      'post /api/posts/{id}/comments': { body: 'Seen her on Elm Street' },
      'post /api/posts/{id}/reports': { reason: 'other' },
      'post /api/moderation/posts/{id}/decision': { action: 'keep', reason: 'Fine' },
      'post /api/cameras': { label: 'Porch', location: north(CENTER, 10) },
    };
    return bodies[`${method} ${template}`];
  };

  const pathOf = (template: string): string => {
    const [id, second] = (objects[template] ?? '00000000-0000-4000-8000-000000000000').split('|');
    return template.replace('{id}', id!).replace('{recordingId}', second ?? id!);
  };

  function expectedFor(operation: Operation, template: string, caller: CallerName): Expected {
    const roles = operation['x-roles']!;
    const served = operation['x-serves']!;
    if (roles.includes('sandbox-key')) return { exactly: 401 };
    if (roles.includes('anyone')) return { not: [401, 403] };
    const role = ROLE_OF[caller];
    if (role === null) return { exactly: 401 };
    if (!roles.includes(role)) return { exactly: 403 };
    const hasObject = template.includes('{');
    if (served === 'all' || !hasObject) return { not: [401, 403] };
    // Platform staff whom the roles admit reach any agency's objects.
    if (served === 'agency' && (role === 'admin' || role === 'moderator')) return { not: [401, 403, 404] };
    return OWNERS[served].includes(caller) ? { not: [401, 403, 404] } : { exactly: 404 };
  }

  it('documents who may call every operation and whose objects it serves', () => {
    const undocumented = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.entries(operations)
        .filter(([method, operation]) => METHOD_ORDER.includes(method) && (!operation['x-roles'] || !operation['x-serves']))
        .map(([method]) => `${method.toUpperCase()} ${template}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('answers every route as the document says, for every caller, and prints the matrix', async () => {
    const operations = Object.entries(document.paths)
      .flatMap(([template, byMethod]) => Object.entries(byMethod).filter(([method]) => METHOD_ORDER.includes(method)).map(([method, operation]) => ({ template, method, operation })))
      // Reads first, deletions last; within a route A's own calls come last, so others meet A's objects intact.
      .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
    const callers = [...CALLERS].sort((a, b) => Number([...OWNERS.caller, ...OWNERS.agency].includes(a)) - Number([...OWNERS.caller, ...OWNERS.agency].includes(b)));
    const failures: string[] = [];
    const rows: string[] = [];
    for (const { template, method, operation } of operations) {
      const statuses = {} as Record<CallerName, number>;
      let deleted = false;
      for (const caller of callers) {
        const response = await ctx.api.request(method.toUpperCase(), pathOf(template), { token: tokens[caller], body: bodyFor(template, method) });
        statuses[caller] = response.status;
        const allowed = expectedFor(operation, template, caller);
        // Once an owner deleted the object, it is gone for the next owner too.
        const expected: Expected = deleted && 'not' in allowed && allowed.not.includes(404) ? { exactly: 404 } : allowed;
        deleted ||= method === 'delete' && response.status < 300;
        const ok = response.status < 500 && ('exactly' in expected ? response.status === expected.exactly : !expected.not.includes(response.status));
        if (!ok) failures.push(`${method.toUpperCase()} ${template} as ${caller}: ${response.status}, expected ${'exactly' in expected ? expected.exactly : `not ${expected.not.join('/')}`}`);
        // A list of the caller's own (or their agency's) never shows A's objects to anyone else.
        if (operation['x-serves'] !== 'all' && !template.includes('{') && method === 'get' && response.status === 200) {
          const hidden = [...(caller === 'resident A' ? [] : secrets.resident), ...(caller === 'resident A' || OWNERS.agency.includes(caller) ? [] : secrets.agency)];
          const leaked = hidden.filter((secret) => JSON.stringify(response.body).includes(secret));
          if (leaked.length > 0) failures.push(`${method.toUpperCase()} ${template} as ${caller}: shows A's ${leaked.join(', ')}`);
        }
      }
      rows.push(`| ${method.toUpperCase()} ${template} | ${(operation['x-roles'] ?? []).join(', ')} | ${operation['x-serves']} | ${CALLERS.map((caller) => statuses[caller]).join(' | ')} |`);
    }
    process.stdout.write(
      ['', `| route | x-roles | x-serves | ${CALLERS.join(' | ')} |`, `| --- | --- | --- |${CALLERS.map(() => ' --- |').join('')}`, ...rows, ''].join('\n'),
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
