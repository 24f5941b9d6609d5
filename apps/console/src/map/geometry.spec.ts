import { describe, expect, it } from '@jest/globals';
import { geoArea } from 'd3-geo';
import { cellToBoundary, latLngToCell } from 'h3-js';
import { areaPolygon, bboxParam, cellPolygon, circlePolygon, forD3, MAX_ZOOM, unview, zoomAt } from './geometry.js';

const center = { lat: 39.7392, lng: -104.9903 };

describe('map geometry', () => {
  it('draws a circle whose points lie at its radius', () => {
    const ring = circlePolygon(center, 250).coordinates[0]!;
    expect(ring.length).toBeGreaterThan(60);
    for (const [lng, lat] of ring) {
      const north = (lat! - center.lat) * 111_195;
      const east = (lng! - center.lng) * 111_195 * Math.cos((center.lat * Math.PI) / 180);
      expect(Math.hypot(north, east)).toBeCloseTo(250, -1);
    }
  });

  it('keeps a polygon area and closes an H3 cell', () => {
    const clockwise = { type: 'Polygon' as const, coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] };
    expect(areaPolygon(clockwise)).toEqual(clockwise);
    const ring = cellPolygon(latLngToCell(center.lat, center.lng, 9)).coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length).toBe(7);
  });

  it('winds a cell and a circle as d3-geo wants: their area is theirs, not the rest of the globe', () => {
    const cell = latLngToCell(center.lat, center.lng, 9);
    const steradiansPerSquareMeter = 1 / 6_371_008.8 ** 2;
    // ~0.1 km² for an H3 resolution-9 cell.
    expect(geoArea(cellPolygon(cell)) / steradiansPerSquareMeter).toBeGreaterThan(80_000);
    expect(geoArea(cellPolygon(cell)) / steradiansPerSquareMeter).toBeLessThan(120_000);
    expect(geoArea(circlePolygon(center, 250)) / steradiansPerSquareMeter).toBeCloseTo(Math.PI * 250 ** 2, -3);
    // H3's own GeoJSON ring, unreversed, is the rest of the globe to d3.
    expect(geoArea({ type: 'Polygon', coordinates: [cellToBoundary(cell, true)] })).toBeGreaterThan(12);
  });

  it('rewinds GeoJSON (anticlockwise) polygons and multipolygons, and only those', () => {
    const anticlockwise = [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]];
    const polygon = forD3({ type: 'Polygon', coordinates: anticlockwise });
    expect(geoArea(polygon)).toBeLessThan(1e-6);
    expect(forD3(polygon)).toEqual(polygon);
    expect(geoArea(forD3({ type: 'MultiPolygon', coordinates: [anticlockwise, anticlockwise] }))).toBeLessThan(1e-6);
    const line = { type: 'LineString' as const, coordinates: [[0, 0], [1, 1]] };
    expect(forD3(line)).toBe(line);
  });

  it('writes a bbox as the contract asks', () => {
    expect(bboxParam([-105, 39.7, -104.9, 39.8])).toBe('-105.000000,39.700000,-104.900000,39.800000');
  });

  it('zooms about the pointer and maps the screen back', () => {
    const view = zoomAt({ k: 1, x: 0, y: 0 }, 2, 100, 50);
    expect(unview(view, 100, 50)).toEqual([100, 50]);
    expect(zoomAt(view, 100, 0, 0).k).toBe(MAX_ZOOM);
    expect(zoomAt(view, 0.01, 0, 0).k).toBe(1);
  });
});
