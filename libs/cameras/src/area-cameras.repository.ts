import { isCircleArea, type Area, type Queryable } from '@app/geo';
import type { PoliceRequestsChoice } from '@app/policy';
import { Injectable } from '@nestjs/common';

/** A camera inside an area, with the copy of its owner's privacy choices that its row carries. */
export interface AreaCamera {
  cameraId: string;
  ownerId: string;
  /** Null: the owner never chose, so the active policy's default applies. */
  ownerPoliceRequests: PoliceRequestsChoice | null;
  ownerE2ee: boolean;
}

const COLUMNS = `id AS "cameraId", owner_id AS "ownerId", owner_police_requests AS "ownerPoliceRequests", owner_e2ee AS "ownerE2ee"`;

@Injectable()
export class AreaCamerasRepository {
  /**
   * ST_DWithin around the centre for circles (the exact disc on the spheroid), ST_Intersects for
   * polygons; both on geography, so camera_location_gist answers them. The owner's choices come
   * from the camera row (kept in step with privacy_setting in the same transaction), not a join.
   */
  within(db: Queryable, area: Area): Promise<AreaCamera[]> {
    if (isCircleArea(area)) {
      return db.query(
        `SELECT ${COLUMNS} FROM camera
         WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3)`,
        [area.center.lng, area.center.lat, area.radiusMeters],
      );
    }
    return db.query(`SELECT ${COLUMNS} FROM camera WHERE ST_Intersects(location, ST_GeomFromGeoJSON($1)::geography)`, [
      JSON.stringify(area),
    ]);
  }
}
