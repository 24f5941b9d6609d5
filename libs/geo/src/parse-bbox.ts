import { bboxAreaSquareMeters } from './domain/area.js';
import type { Bbox } from './domain/h3.js';
import { BboxInvalidError, BboxTooLargeError } from './geo.errors.js';

// Plain decimals only: Number() would also take '', ' ', '0x1F' and 'Infinity'.
export const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function bboxProblem(text: string): { bbox: Bbox } | { problem: string } {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 4) return { problem: 'must be four numbers: minLng,minLat,maxLng,maxLat' };
  const numbers = parts.map((part) => (DECIMAL.test(part) ? Number(part) : Number.NaN));
  if (!numbers.every(Number.isFinite)) return { problem: 'every part must be a finite decimal number' };
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if (minLng < -180 || maxLng > 180) return { problem: 'longitudes must lie in [-180, 180]' };
  if (minLat < -90 || maxLat > 90) return { problem: 'latitudes must lie in [-90, 90]' };
  if (minLng >= maxLng) return { problem: 'minLng must be less than maxLng' };
  if (minLat >= maxLat) return { problem: 'minLat must be less than maxLat' };
  return { bbox: { minLng, minLat, maxLng, maxLat } };
}

/**
 * `minLng,minLat,maxLng,maxLat` as sent in a query string → Bbox, or a 400 `BBOX_INVALID`
 * naming the field. Boxes across the antimeridian (minLng > maxLng) are refused, not wrapped.
 */
export function parseBbox(text: string, field = 'bbox'): Bbox {
  const result = bboxProblem(text);
  if ('bbox' in result) return result.bbox;
  throw new BboxInvalidError(field, result.problem);
}

/**
 * The largest box a map query over cells takes: 50 km², about 480 resolution-9 cells (the police
 * coverage map, the incident heat map). Larger is a 400 `BBOX_TOO_LARGE`.
 */
export const MAX_MAP_BBOX_SQUARE_METERS = 50_000_000;

export function assertMapBbox(bbox: Bbox, field = 'bbox'): void {
  const squareMeters = bboxAreaSquareMeters(bbox);
  if (squareMeters > MAX_MAP_BBOX_SQUARE_METERS) throw new BboxTooLargeError(squareMeters, MAX_MAP_BBOX_SQUARE_METERS, field);
}
