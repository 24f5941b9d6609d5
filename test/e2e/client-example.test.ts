// A test in your own suite, against a running Porchlight, through its typed client: copy
// Porchlight's client/ folder into your repository (it needs openapi-fetch). The environment
// says where Porchlight runs and its SANDBOX_KEY (PORCHLIGHT_URL, PORCHLIGHT_SANDBOX_KEY).
import { beforeEach, describe, expect, it } from '@jest/globals';
import { createPorchlightClient, ok, type components, type PorchlightClient } from '../../client/index.js';

const HOUR_MS = 3_600_000;
const PORCH: components['schemas']['LatLngDto'] = { lat: 40.7128, lng: -74.006 };
// GeoJSON takes [lng, lat]; the ring ends where it starts.
const PRECINCT: components['schemas']['PolygonDto'] = {
  type: 'Polygon',
  coordinates: [[[-74.02, 40.7], [-73.99, 40.7], [-73.99, 40.73], [-74.02, 40.73], [-74.02, 40.7]]],
};

describe('a footage request that no one closes', () => {
  let baseUrl: string;
  let sandbox: PorchlightClient;
  let anonymous: PorchlightClient;
  let admin: PorchlightClient;
  const as = (token: string) => createPorchlightClient({ baseUrl, token });

  beforeEach(async () => {
    baseUrl = process.env.PORCHLIGHT_URL ?? 'http://127.0.0.1:3000';
    sandbox = createPorchlightClient({ baseUrl, sandboxKey: process.env.PORCHLIGHT_SANDBOX_KEY });
    anonymous = createPorchlightClient({ baseUrl });
    // Every test starts from an empty Porchlight: only the admin, the clock at real time.
    const { adminToken } = await ok(sandbox.POST('/api/sandbox/reset'));
    admin = as(adminToken);
  });

  it('expires when the policy says, and keeps what the owner shared', async () => {
    const now = Date.parse((await ok(sandbox.GET('/api/sandbox/clock'))).now);
    const hoursAgo = (hours: number) => new Date(now - hours * HOUR_MS).toISOString();

    // Ann, a resident whose porch camera recorded a clip two hours ago.
    const registered = await ok(
      anonymous.POST('/api/auth/register', {
        body: { email: 'ann@example.org', password: 'correct horse battery', displayName: 'Ann' },
      }),
    );
    const ann = as(registered.accessToken);
    // Under an opt-in policy (privacy-by-design) only owners who said so are asked.
    await ok(ann.PUT('/api/me/privacy', { body: { policeRequests: 'receive' } }));
    const camera = await ok(ann.POST('/api/cameras', { body: { label: 'Front porch', location: PORCH } }));
    const clip = await ok(
      ann.POST('/api/cameras/{id}/recordings', {
        params: { path: { id: camera.id } },
        body: { startedAt: hoursAgo(2), endedAt: hoursAgo(1.9), trigger: 'motion' },
      }),
    );

    // A police department whose jurisdiction holds the porch, and one of its officers.
    const agency = await ok(
      admin.POST('/api/agencies', {
        body: {
          name: 'Lakeside Police Department',
          kind: 'police',
          city: 'Lakeside',
          state: 'NY',
          zip: '10007',
          jurisdiction: PRECINCT,
          partnerSince: '2019-08-28',
        },
      }),
    );
    const lee = { email: 'lee@lakeside-pd.example.org', password: 'correct horse battery' };
    await ok(
      admin.POST('/api/agencies/{id}/officers', {
        params: { path: { id: agency.id } },
        body: { ...lee, displayName: 'Officer Lee', role: 'officer' },
      }),
    );
    const officer = as((await ok(anonymous.POST('/api/auth/login', { body: lee }))).accessToken);

    // The officer asks the owners within 200 m for the last three hours: Ann is asked.
    const request = await ok(
      officer.POST('/api/portal/requests', {
        body: {
          caseNumber: '2030-000123',
          incidentType: 'package-theft',
          description: 'Parcel taken from a porch',
          window: { start: hoursAgo(3), end: hoursAgo(0) },
          area: { center: PORCH, radiusMeters: 200 },
        },
      }),
    );
    expect(request).toMatchObject({ status: 'open', counts: { notified: 1 } });

    // Ann finds it with her clip offered, shares, and gets a receipt naming the agency.
    const { items } = await ok(ann.GET('/api/me/requests'));
    expect(items.map((item) => [item.id, item.offeredRecordings.map((offered) => offered.id)])).toEqual([
      [request.id, [clip.id]],
    ]);
    const receipt = await ok(
      ann.POST('/api/me/requests/{id}/response', { params: { path: { id: request.id } }, body: { decision: 'share' } }),
    );
    expect(receipt).toMatchObject({ decision: 'share', recipient: { agencyId: agency.id }, recordingIds: [clip.id] });

    // Move the clock past the policy's expiry instead of waiting: it answers once the due jobs ran.
    const { requestExpirySeconds } = await ok(anonymous.GET('/api/policy'));
    const moved = await ok(sandbox.POST('/api/sandbox/clock', { body: { advanceSeconds: requestExpirySeconds + 60 } }));
    expect(moved.status).toBe('ready');
    const expired = await ok(officer.GET('/api/portal/requests/{id}', { params: { path: { id: request.id } } }));
    expect(expired).toMatchObject({ status: 'expired', counts: { shared: 1, pending: 0 } });
  });
});
