import type { LatLng } from '../map/geometry.js';

/** An area as the officer draws it: a circle, or a polygon's corners. */
export type AreaDraft = { kind: 'circle'; center: LatLng; radiusMeters: number } | { kind: 'polygon'; points: LatLng[] };

/** Porchlight Falls' centre, where an officer signed in outside the sandbox starts (no town is loaded then). */
const DEMO_CENTER: LatLng = { lat: 39.7392, lng: -104.9903 };

/**
 * A request's first circle: 250 m around the named neighbours' porches, just north-east of the
 * town's centre (the sandbox puts Alice, Bob and Chloé there in every town), as the lessons ask.
 */
export function firstCircle(center: LatLng = DEMO_CENTER): AreaDraft {
  const round = (degrees: number) => Math.round(degrees * 10_000) / 10_000;
  return { kind: 'circle', center: { lat: round(center.lat + 0.0042), lng: round(center.lng + 0.0028) }, radiusMeters: 250 };
}
