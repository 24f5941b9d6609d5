import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { metersBetween } from '../town/town.js';

const point = z.strictObject({
  type: z.literal('Point', 'only Point features are homes'),
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)], 'must be [longitude, latitude]'),
});

/** A GeoJSON FeatureCollection whose Point features are homes (e.g. address points from OpenStreetMap). */
const homesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), geometry: point })).min(1, 'must hold at least one home'),
});

/** A town's homes from a file, and the square around them (what a generated street grid is given). */
export interface HomesTown {
  homePoints: { lat: number; lng: number }[];
  center: { lat: number; lng: number };
  sizeMeters: number;
}

/** Why a homes file cannot be used, naming the field inside it. */
export class HomesFileError extends Error {}

/**
 * Reads a GeoJSON file of homes. The town's centre is the middle of their bounding box, its size
 * the box's longer side (at least 200 m), so agencies' strips and a subsidy's circle fit it.
 */
export function loadHomesFile(path: string): HomesTown {
  if (!existsSync(path)) throw new HomesFileError(`${path}: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new HomesFileError(`${path}: not valid JSON`);
  }
  const parsed = homesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HomesFileError(`${path}: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}`);
  }
  const homePoints = parsed.data.features.map(({ geometry: { coordinates: [lng, lat] } }) => ({ lat, lng }));
  const lats = homePoints.map((home) => home.lat);
  const lngs = homePoints.map((home) => home.lng);
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const center = { lat: Number(((south + north) / 2).toFixed(6)), lng: Number(((west + east) / 2).toFixed(6)) };
  const northSouth = metersBetween({ lat: south, lng: center.lng }, { lat: north, lng: center.lng });
  const eastWest = metersBetween({ lat: center.lat, lng: west }, { lat: center.lat, lng: east });
  return { homePoints, center, sizeMeters: Math.max(200, Math.ceil(Math.max(northSouth, eastWest))) };
}
