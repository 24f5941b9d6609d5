/**
 * GeoJSON (RFC 7946) polygons in WGS 84. Positions are `[lng, lat]` without altitude: the
 * API never speaks heights, and accepting a third number would silently drop it.
 */
export type Position = [lng: number, lat: number];

export interface Polygon {
  type: 'Polygon';
  /** The outer ring, then holes; each ring closed (first position = last) with ≥ 4 positions. */
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type PolygonalGeometry = Polygon | MultiPolygon;

/** A line through two or more positions (a street on a drawn map). */
export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}

export const MIN_RING_POSITIONS = 4;

/** A jurisdiction is stored as one shape whatever the client sent. */
export const toMultiPolygon = (geometry: PolygonalGeometry): MultiPolygon =>
  geometry.type === 'MultiPolygon' ? geometry : { type: 'MultiPolygon', coordinates: [geometry.coordinates] };

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function positionProblem(value: unknown, where: string): string | null {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isFiniteNumber)) {
    return `${where} must be [lng, lat]: two finite numbers`;
  }
  const [lng, lat] = value as Position;
  if (lng < -180 || lng > 180) return `${where}: longitude ${lng} is outside [-180, 180]`;
  if (lat < -90 || lat > 90) return `${where}: latitude ${lat} is outside [-90, 90]`;
  return null;
}

function ringProblem(value: unknown, where: string): string | null {
  if (!Array.isArray(value)) return `${where} must be an array of positions`;
  if (value.length < MIN_RING_POSITIONS) return `${where} needs at least ${MIN_RING_POSITIONS} positions`;
  for (const [index, position] of value.entries()) {
    const problem = positionProblem(position, `${where} position ${index}`);
    if (problem) return problem;
  }
  const [firstLng, firstLat] = value[0] as Position;
  const [lastLng, lastLat] = value[value.length - 1] as Position;
  if (firstLng !== lastLng || firstLat !== lastLat) return `${where} is not closed: its last position must equal its first`;
  return null;
}

/**
 * Why `value` is not the coordinates of a GeoJSON Polygon, or null. Checks shape, ranges and
 * closure only; whether the rings cross themselves is PostGIS's call (assertValidGeometry).
 */
export function polygonCoordinatesProblem(value: unknown, where = 'polygon'): string | null {
  if (!Array.isArray(value) || value.length === 0) return `${where} must be a non-empty array of rings`;
  for (const [index, ring] of value.entries()) {
    const problem = ringProblem(ring, `${where} ring ${index}`);
    if (problem) return problem;
  }
  return null;
}

export function multiPolygonCoordinatesProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'multipolygon must be a non-empty array of polygons';
  for (const [index, polygon] of value.entries()) {
    const problem = polygonCoordinatesProblem(polygon, `polygon ${index}`);
    if (problem) return problem;
  }
  return null;
}
