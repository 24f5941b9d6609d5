import type { Polygon } from './geojson.js';
import type { Bbox } from './h3.js';
import type { LatLng } from './lat-lng.js';

export const MIN_RADIUS_METERS = 1;
export const MAX_RADIUS_METERS = 50_000;

/** Everything within `radiusMeters` of `center` (what `ST_DWithin` on geography matches). */
export interface CircleArea {
  center: LatLng;
  radiusMeters: number;
}

/** An area on the ground, as requests and feed queries name one. */
export type Area = CircleArea | Polygon;

export const isCircleArea = (area: Area): area is CircleArea => !('type' in area);

/** IUGG mean Earth radius: the sphere closest to the WGS 84 ellipsoid on average. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

/**
 * π r². The exact spherical cap, 2πR²(1 − cos(r/R)), is smaller by about r²/(12R²): under
 * 0.000 6 % at the 50 km maximum, far below what any policy limit could notice.
 */
export const circleAreaSquareMeters = (radiusMeters: number): number => Math.PI * radiusMeters ** 2;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Area of the lat/lng rectangle on the sphere, R² · Δλ · (sin φ₂ − sin φ₁): its edges follow
 * meridians and parallels, as on a map and in H3's polygon fill. (PostGIS's geography envelope
 * has great-circle edges, a slightly different shape.) Sphere, not ellipsoid: within 0.5 % of
 * PostGIS's WGS 84 area at mid latitudes, 0.75 % near the poles.
 */
export function bboxAreaSquareMeters(bbox: Bbox): number {
  const width = radians(bbox.maxLng - bbox.minLng);
  const height = Math.sin(radians(bbox.maxLat)) - Math.sin(radians(bbox.minLat));
  return EARTH_RADIUS_METERS ** 2 * width * height;
}

/** How an area is stored: a circle as its centre point with the radius beside it, a polygon as given. */
export type StoredArea = { type: 'Point'; coordinates: [number, number] } | Polygon;

/** The area back from its stored shape (`ST_AsGeoJSON` of the column) and radius. */
export const areaFromStored = (shape: StoredArea, radiusMeters: number | null): Area =>
  shape.type === 'Point' ? { center: { lat: shape.coordinates[1], lng: shape.coordinates[0] }, radiusMeters: radiusMeters! } : shape;
