import { cellToLatLng, cellToParent, getHexagonEdgeLengthAvg, greatCircleDistance, gridDisk, isValidCell, latLngToCell, polygonToCells, UNITS } from 'h3-js';
import type { LatLng } from './lat-lng.js';

/**
 * Resolution 9 cells (~0.1 km², ~174 m edge) are the unit police and the feed see instead of a
 * precise location (DESIGN.md invariants 1 and 7).
 */
export const H3_RESOLUTION = 9;

export const cellOf = (point: LatLng, resolution = H3_RESOLUTION): string =>
  latLngToCell(point.lat, point.lng, resolution);

export function cellCenter(cell: string): LatLng {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

/** An H3 index as h3-js writes it (15 lower-case hex digits), for API documents. */
export const H3_CELL_PROPERTY = { pattern: '^[0-9a-f]{15}$', maxLength: 15, example: '892a100d2c3ffff' } as const;

export const isCell = (value: string): boolean => isValidCell(value);

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Every resolution-9 cell whose centre lies in the box. */
export function cellsInBbox(bbox: Bbox, resolution = H3_RESOLUTION): string[] {
  const ring = [
    [bbox.minLat, bbox.minLng],
    [bbox.minLat, bbox.maxLng],
    [bbox.maxLat, bbox.maxLng],
    [bbox.maxLat, bbox.minLng],
  ];
  return polygonToCells(ring, resolution);
}

/**
 * The resolution-9 cells an area covers: those whose centre lies in the polygon (GeoJSON order,
 * [lng, lat]), and always the cell of `center`, so a small area is never left without one.
 */
export function cellsOfPolygon(polygon: { coordinates: number[][][] }, center: LatLng, resolution = H3_RESOLUTION): string[] {
  return [...new Set([cellOf(center, resolution), ...polygonToCells(polygon.coordinates, resolution, true)])].sort();
}

/** The cell of coarser `resolution` that contains `cell`. */
export const parentCell = (cell: string, resolution: number): string => cellToParent(cell, resolution);

/** Great-circle distance in metres (the sphere h3 uses; PostGIS's geography differs by < 0.5%). */
export const distanceMeters = (a: LatLng, b: LatLng): number => greatCircleDistance([a.lat, a.lng], [b.lat, b.lng], UNITS.m);

/**
 * Cells of `resolution` that together cover the circle (and a ring more): a disk of k rings,
 * each ring about 1.5 edge lengths further out, so some cells reach past the circle — callers
 * that need the exact circle filter by distance.
 */
export function cellsCoveringCircle(center: LatLng, radiusMeters: number, resolution: number): string[] {
  const rings = Math.ceil(radiusMeters / (1.5 * getHexagonEdgeLengthAvg(resolution, UNITS.m))) + 1;
  return gridDisk(cellOf(center, resolution), rings);
}

/**
 * The resolution-9 cells whose centre lies within `radiusMeters` of `center` (great-circle
 * distance): where a circle query over places kept as cells reads, so the circle is decided on
 * cell centres alone — never on a point.
 */
export function cellsWithinRadius(center: LatLng, radiusMeters: number, resolution = H3_RESOLUTION): string[] {
  return cellsCoveringCircle(center, radiusMeters, resolution).filter((cell) => distanceMeters(cellCenter(cell), center) <= radiusMeters);
}
