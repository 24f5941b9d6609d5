import { AreaCamerasService, type PrivacyChange } from '@app/cameras';
import type { Polygon } from '@app/geo';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { newCamera, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { useTestContext } from '../support/test-context.js';

const CENTRE = { lat: 39.7392, lng: -104.9903 };
/** Metres to degrees of latitude (spherical mean; PostGIS measures on the spheroid, so ±1 m). */
const north = (meters: number) => ({ lat: CENTRE.lat + meters / 111_195, lng: CENTRE.lng });

describe('the area match: cameras in an area with their owners’ choices, as footage requests find them', () => {
  const ctx = useTestContext();
  let areaCameras: AreaCamerasService;
  let inside: string;
  let edgeInside: string;
  let edgeOutside: string;
  let blockerCamera: string;
  let encrypterCamera: string;
  let owner: TestUser;
  const choose = async (user: TestUser, body: PrivacyChange) =>
    expect((await ctx.api.request('PUT', '/api/me/privacy', { token: user.token, body })).status).toBe(200);

  beforeAll(async () => {
    areaCameras = ctx.api.app.get(AreaCamerasService);
    owner = await newResident(ctx);
    inside = await newCamera(ctx, owner, CENTRE);
    edgeInside = await newCamera(ctx, owner, north(495));
    edgeOutside = await newCamera(ctx, owner, north(505));
    const blocker = await newResident(ctx);
    await choose(blocker, { policeRequests: 'block' });
    blockerCamera = await newCamera(ctx, blocker, north(100));
    const encrypter = await newResident(ctx);
    await choose(encrypter, { policeRequests: 'receive', endToEndEncryption: true });
    encrypterCamera = await newCamera(ctx, encrypter, north(-100));
  });

  const ids = async (area: Parameters<AreaCamerasService['within']>[0]) => (await areaCameras.within(area)).map((c) => c.cameraId).sort();

  it('finds the cameras within a circle’s radius on the spheroid, and not one just past it', async () => {
    expect(await ids({ center: CENTRE, radiusMeters: 500 })).toEqual([inside, edgeInside, blockerCamera, encrypterCamera].sort());
  });

  it('finds the cameras inside a polygon only', async () => {
    const box = (south: number, northEdge: number): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [CENTRE.lng - 0.01, north(south).lat],
          [CENTRE.lng + 0.01, north(south).lat],
          [CENTRE.lng + 0.01, north(northEdge).lat],
          [CENTRE.lng - 0.01, north(northEdge).lat],
          [CENTRE.lng - 0.01, north(south).lat],
        ],
      ],
    });
    expect(await ids(box(50, 600))).toEqual([edgeInside, edgeOutside, blockerCamera].sort());
  });

  it('returns blocked and encrypted owners’ cameras too, with the choices their owners made (null = never chose)', async () => {
    const found = new Map((await areaCameras.within({ center: CENTRE, radiusMeters: 600 })).map((c) => [c.cameraId, c]));
    expect(found.get(inside)).toEqual({ cameraId: inside, ownerId: owner.id, ownerPoliceRequests: null, ownerE2ee: false });
    expect(found.get(edgeOutside)).toMatchObject({ ownerPoliceRequests: null, ownerE2ee: false });
    expect(found.get(blockerCamera)).toMatchObject({ ownerPoliceRequests: 'block', ownerE2ee: false });
    expect(found.get(encrypterCamera)).toMatchObject({ ownerPoliceRequests: 'receive', ownerE2ee: true });
  });

  it('sees an owner’s privacy change at once', async () => {
    await choose(owner, { policeRequests: 'block' });
    const found = await areaCameras.within({ center: CENTRE, radiusMeters: 600 });
    expect(found.filter((c) => c.ownerId === owner.id).map((c) => c.ownerPoliceRequests)).toEqual(['block', 'block', 'block']);
  });
});
