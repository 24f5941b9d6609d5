import { geoArea, geoCircle } from 'd3-geo';
import type { Geometry, Polygon } from 'geojson';
import { cellToBoundary } from 'h3-js';

export interface LatLng {
  lat: number;
  lng: number;
}
export type Ring = [number, number][];
export type Area = { center: LatLng; radiusMeters: number } | { type: 'Polygon'; coordinates: number[][][] };

/** Metres per degree of great-circle arc (mean Earth radius 6,371,008.8 m). */
const METERS_PER_DEGREE = 111_195;

/** A circle area as a GeoJSON polygon (64 sides), to draw it with the same projection as the rest. */
export function circlePolygon(center: LatLng, radiusMeters: number): Polygon {
  return geoCircle()
    .center([center.lng, center.lat])
    .radius(radiusMeters / METERS_PER_DEGREE)
    .precision(360 / 64)() as Polygon;
}

/**
 * A polygon as d3-geo must have it. d3-geo reads rings on the sphere, where an exterior ring runs
 * clockwise; GeoJSON (RFC 7946, PostGIS, H3) runs it anticlockwise, which d3 takes for the whole
 * globe but the shape: it would fill the map and fit the world into the frame. A polygon wider than
 * a hemisphere is such a one: its rings are reversed.
 */
function woundPolygon(rings: number[][][]): number[][][] {
  const polygon: Polygon = { type: 'Polygon', coordinates: rings };
  return geoArea(polygon) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

/** Polygons and multipolygons wound for d3-geo (see woundPolygon); other geometries as they are. */
export function forD3<G extends Geometry>(geometry: G): G {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: woundPolygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(woundPolygon) };
  return geometry;
}

/** Any area of the contract (circle or polygon) as a polygon to draw. */
export function areaPolygon(area: Area): Polygon {
  return 'center' in area ? circlePolygon(area.center, area.radiusMeters) : forD3(area as Polygon);
}

/** An H3 cell's outline as a polygon to draw ([lng, lat], closed). */
export function cellPolygon(cell: string): Polygon {
  return forD3({ type: 'Polygon', coordinates: [cellToBoundary(cell, true) as Ring] });
}

/** bbox [west, south, east, north] as the contract's query text `minLng,minLat,maxLng,maxLat`. */
export const bboxParam = (bbox: number[]): string => bbox.map((value) => value.toFixed(6)).join(',');

/** A pan and zoom of the map: screen = translate + scale × projected. */
export interface View {
  k: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 12;

/** Zooms by `factor` keeping the screen point (px, py) still, within the zoom limits. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
  const applied = k / view.k;
  return { k, x: px - (px - view.x) * applied, y: py - (py - view.y) * applied };
}

/** The projected point under a screen point. */
export const unview = (view: View, px: number, py: number): [number, number] => [(px - view.x) / view.k, (py - view.y) / view.k];
