import { describe, expect, it } from '@jest/globals';
import { cellCenter, cellOf, cellsCoveringCircle, cellsOfPolygon, cellsWithinRadius, distanceMeters, parentCell } from '../domain/h3.js';

const CENTER = { lat: 40.7, lng: -74.0 };
/** `meters` north and east of CENTER. */
const offset = (north: number, east: number) => ({ lat: CENTER.lat + north / 111_030, lng: CENTER.lng + east / (111_320 * Math.cos((CENTER.lat * Math.PI) / 180)) });

describe('cells covering a circle (the live feed’s rooms)', () => {
  it('contain every point of the circle, for small and the largest radii', () => {
    for (const radius of [50, 800, 2_500, 5_000]) {
      const cells = new Set(cellsCoveringCircle(CENTER, radius, 6));
      for (let angle = 0; angle < 360; angle += 15) {
        const rad = (angle * Math.PI) / 180;
        const edge = offset(radius * Math.cos(rad), radius * Math.sin(rad));
        expect(cells.has(cellOf(edge, 6))).toBe(true);
      }
    }
  });

  it('hold the coarse parent of any resolution-9 cell in the circle', () => {
    const inside = offset(3_000, -2_000);
    expect(cellsCoveringCircle(CENTER, 5_000, 6)).toContain(parentCell(cellOf(inside), 6));
  });
});

describe('distance in metres', () => {
  it('is about 1 km for 1 km north', () => {
    expect(distanceMeters(CENTER, offset(1_000, 0))).toBeGreaterThan(995);
    expect(distanceMeters(CENTER, offset(1_000, 0))).toBeLessThan(1_005);
  });
});

describe('cells of an area', () => {
  it('always include the centre cell, even for an area too small to hold a cell centre', () => {
    const tiny = { coordinates: [[[-74.0001, 40.6999], [-73.9999, 40.6999], [-73.9999, 40.7001], [-74.0001, 40.7001], [-74.0001, 40.6999]]] };
    expect(cellsOfPolygon(tiny, CENTER)).toEqual([cellOf(CENTER)]);
  });
});

describe('cells within a radius (the feed’s circle)', () => {
  it('are exactly the cells whose centre lies in the circle', () => {
    const within = new Set(cellsWithinRadius(CENTER, 2_000));
    for (const cell of cellsCoveringCircle(CENTER, 2_000, 9)) {
      expect(within.has(cell)).toBe(distanceMeters(cellCenter(cell), CENTER) <= 2_000);
    }
    // π·2² km² over ~0.105 km² per cell.
    expect(within.size).toBeGreaterThan(100);
    expect(within.size).toBeLessThan(140);
  });

  it('hold the centre’s own cell for the smallest radius only when its centre is that close', () => {
    const cell = cellOf(CENTER);
    expect(cellsWithinRadius(cellCenter(cell), 1)).toEqual([cell]);
  });
});
