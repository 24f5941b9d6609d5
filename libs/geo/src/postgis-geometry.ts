import type { EntityManager } from 'typeorm';
import { circleAreaSquareMeters, isCircleArea, type Area } from './domain/area.js';
import type { PolygonalGeometry } from './domain/geojson.js';
import { GeometryInvalidError } from './geo.errors.js';

/** An EntityManager (inside a transaction) or the DataSource: anything that runs SQL. */
export type Queryable = Pick<EntityManager, 'query'>;

interface Measured {
  valid: boolean;
  reason: string;
  area: number;
}

// ST_IsValid (OGC rules: no self-intersection, holes inside their shell, no spikes…) is GEOS's
// call rather than ours; the area is on the WGS 84 spheroid (geography), in m².
async function measure(db: Queryable, geometry: PolygonalGeometry): Promise<Measured> {
  const rows: { valid: boolean; reason: string; area: number | null }[] = await db.query(
    `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
            CASE WHEN ST_IsValid(g) THEN ST_Area(g::geography) END AS area
       FROM ST_GeomFromGeoJSON($1) AS g`,
    [JSON.stringify(geometry)],
  );
  const row = rows[0]!;
  return { valid: row.valid, reason: row.reason, area: Number(row.area ?? 0) };
}

/** 400 GEOMETRY_INVALID, with PostGIS's reason (e.g. "Self-intersection[-73.99 40.7]"). */
export async function assertValidGeometry(db: Queryable, geometry: PolygonalGeometry, field = 'geometry'): Promise<void> {
  const { valid, reason } = await measure(db, geometry);
  if (!valid) throw new GeometryInvalidError(reason, field);
}

/** The geometry's area on the spheroid in m²; an invalid geometry has none and is a 400. */
export async function geometryAreaSquareMeters(db: Queryable, geometry: PolygonalGeometry, field = 'geometry'): Promise<number> {
  const { valid, reason, area } = await measure(db, geometry);
  if (!valid) throw new GeometryInvalidError(reason, field);
  return area;
}

/** Circles: π r² (no round trip); polygons: validated and measured by PostGIS. */
export function areaSquareMeters(db: Queryable, area: Area, field = 'area'): Promise<number> {
  if (isCircleArea(area)) return Promise.resolve(circleAreaSquareMeters(area.radiusMeters));
  return geometryAreaSquareMeters(db, area, field);
}
