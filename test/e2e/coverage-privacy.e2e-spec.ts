import { cellCenter, cellOf } from '@app/geo';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { CameraOwnerPrivacy1763901000000 } from '../../libs/database/src/migrations/1763901000000-camera-owner-privacy.js';
import { adminToken, newCamera, newOfficer, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { setPrivacy, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const SPOT = cellCenter(cellOf({ lat: 40.7, lng: -74.0 }));
const CELL = cellOf(SPOT);
const AROUND = '-74.01,40.69,-73.99,40.71';
const near = (i: number) => ({ lat: SPOT.lat + i * 0.0002, lng: SPOT.lng });

// Coverage reads each owner's choices from the copy on their cameras (no join per query); these
// tests prove the copy follows every change at once, and that "never chose" still follows the policy.
describe('coverage map follows owners’ privacy changes immediately (invariant 1)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let undecided: TestUser;
  let changer: TestUser;

  const counted = async (): Promise<number> => {
    const response = await ctx.api.request('GET', `/api/portal/coverage?bbox=${AROUND}`, { token: officer.token });
    expect(response.status).toBe(200);
    return (response.body as { cell: string; count: number }[]).find((entry) => entry.cell === CELL)?.count ?? 0;
  };

  beforeAll(async () => {
    admin = await adminToken(ctx);
    officer = await newOfficer(ctx);
    undecided = await newResident(ctx);
    await newCamera(ctx, undecided, near(0));
    // Two cameras made before any choice: a change must reach both.
    changer = await newResident(ctx);
    await newCamera(ctx, changer, near(1));
    await newCamera(ctx, changer, near(2));
  });
  afterEach(() => usePolicy(ctx, admin, { profile: 'ring-2019' }));

  it('an owner who blocks, then encrypts, then receives again is uncounted, uncounted, counted', async () => {
    expect(await counted()).toBe(3);
    await setPrivacy(ctx, changer, { policeRequests: 'block' });
    expect(await counted()).toBe(1);
    await setPrivacy(ctx, changer, { policeRequests: 'receive', endToEndEncryption: true });
    expect(await counted()).toBe(1);
    await setPrivacy(ctx, changer, { endToEndEncryption: false });
    expect(await counted()).toBe(3);
  });

  it('switching opt-out ↔ opt-in changes whether owners who never chose are counted', async () => {
    await setPrivacy(ctx, changer, { policeRequests: 'receive' });
    await usePolicy(ctx, admin, { profile: 'privacy-by-design', coverageKAnonymity: 1 });
    expect(await counted()).toBe(2);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    expect(await counted()).toBe(3);
  });

  it('putting a choice back to unset hands it to the policy again', async () => {
    await setPrivacy(ctx, changer, { policeRequests: 'receive' });
    await usePolicy(ctx, admin, { profile: 'privacy-by-design', coverageKAnonymity: 1 });
    await setPrivacy(ctx, changer, { policeRequests: null });
    expect(await counted()).toBe(0);
  });

  it('a camera added after blocking is not counted either', async () => {
    const blocker = await newResident(ctx);
    await setPrivacy(ctx, blocker, { policeRequests: 'block' });
    await newCamera(ctx, blocker, near(3));
    expect(await counted()).toBe(3);
  });

  it('the migration copies the choices of owners whose cameras existed before it', async () => {
    const encrypting = await newResident(ctx);
    const camera = await newCamera(ctx, encrypting, near(-1));
    await setPrivacy(ctx, encrypting, { policeRequests: 'block', endToEndEncryption: true });
    const runner = ctx.dataSource.createQueryRunner();
    try {
      const migration = new CameraOwnerPrivacy1763901000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await ctx.dataSource.query('SELECT owner_police_requests, owner_e2ee FROM camera WHERE id = $1', [camera])).toEqual([
      { owner_police_requests: 'block', owner_e2ee: true },
    ]);
    expect(await counted()).toBe(3);
  });
});
