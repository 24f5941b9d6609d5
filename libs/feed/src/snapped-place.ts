import { cellCenter, cellOf, type LatLng } from '@app/geo';

/** Where a post is shown: its H3 resolution-9 cell and that cell's centre, never the point given (invariant 7). */
export interface SnappedPlace {
  cell: string;
  center: LatLng;
}

export function snapped(location: LatLng): SnappedPlace {
  const cell = cellOf(location);
  return { cell, center: cellCenter(cell) };
}
