import { dataSourceOptions } from '@app/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { bboxAreaSquareMeters, circleAreaSquareMeters } from '../domain/area.js';
import type { Bbox } from '../domain/h3.js';
import type { MultiPolygon, Polygon, Position } from '../domain/geojson.js';
import { areaSquareMeters, assertValidGeometry, geometryAreaSquareMeters } from '../postgis-geometry.js';

const box = ({ minLng, minLat, maxLng, maxLat }: Bbox): Position[] => [
  [minLng, minLat],
  [maxLng, minLat],
  [maxLng, maxLat],
  [minLng, maxLat],
  [minLng, minLat],
];
const BLOCK: Bbox = { minLng: -73.99, minLat: 40.73, maxLng: -73.98, maxLat: 40.74 };
const square: Polygon = { type: 'Polygon', coordinates: [box(BLOCK)] };
const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ],
  ],
};

describe('geometry checks in PostGIS', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('refuses a bow-tie polygon with 400 GEOMETRY_INVALID and PostGIS’s reason', async () => {
    await expect(assertValidGeometry(dataSource, bowTie, 'jurisdiction')).rejects.toMatchObject({
      code: 'GEOMETRY_INVALID',
      kind: 'validation',
      details: [{ field: 'jurisdiction', problems: [expect.stringMatching(/^Self-intersection/)] }],
    });
    await expect(geometryAreaSquareMeters(dataSource, bowTie)).rejects.toMatchObject({ code: 'GEOMETRY_INVALID' });
  });

  it('refuses a hole that lies outside its shell', async () => {
    const far = box({ minLng: 10, minLat: 10, maxLng: 10.001, maxLat: 10.001 }).reverse();
    const holed: Polygon = { type: 'Polygon', coordinates: [box(BLOCK), far] };
    await expect(assertValidGeometry(dataSource, holed)).rejects.toMatchObject({
      details: [{ problems: [expect.stringMatching(/^Hole lies outside shell/)] }],
    });
  });

  it('measures a valid polygon on the spheroid, whatever its ring orientation', async () => {
    await expect(assertValidGeometry(dataSource, square)).resolves.toBeUndefined();
    const area = await geometryAreaSquareMeters(dataSource, square);
    // 0.01° × 0.01° at 40.7° N: about 1.11 km × 0.84 km.
    expect(area / 1e6).toBeCloseTo(0.938, 2);
    const clockwise: Polygon = { type: 'Polygon', coordinates: [box(BLOCK).reverse()] };
    expect(await geometryAreaSquareMeters(dataSource, clockwise)).toBeCloseTo(area, 3);
  });

  it('adds up the parts of a MultiPolygon and subtracts holes', async () => {
    const next = box({ ...BLOCK, minLng: -73.97, maxLng: -73.96 });
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[box(BLOCK)], [next]] };
    const one = await geometryAreaSquareMeters(dataSource, square);
    expect(await geometryAreaSquareMeters(dataSource, multi)).toBeCloseTo(2 * one, -1);
    const hole = box({ minLng: -73.988, minLat: 40.732, maxLng: -73.982, maxLat: 40.738 }).reverse();
    const holed = await geometryAreaSquareMeters(dataSource, { type: 'Polygon', coordinates: [box(BLOCK), hole] });
    expect(holed).toBeLessThan(one * 0.7);
  });

  it('gives an area as a circle without PostGIS and as a polygon through it', async () => {
    expect(await areaSquareMeters(dataSource, { center: { lat: 40.7, lng: -74 }, radiusMeters: 400 })).toBe(circleAreaSquareMeters(400));
    await expect(areaSquareMeters(dataSource, bowTie)).rejects.toMatchObject({ code: 'GEOMETRY_INVALID', details: [{ field: 'area' }] });
  });

  it.each([
    ['at the equator', { minLng: 0, minLat: 0, maxLng: 1, maxLat: 1 }, 0.005],
    ['in New York', { minLng: -74.05, minLat: 40.6, maxLng: -73.9, maxLat: 40.9 }, 0.005],
    ['in the far north', { minLng: 20, minLat: 69, maxLng: 22, maxLat: 70 }, 0.0075],
  ])('computes a bbox area close to the WGS 84 spheroid\'s %s', async (_where, bbox, tolerance) => {
    // Densified in lat/lng so that the edges follow parallels, as the formula assumes.
    const rows: { area: number }[] = await dataSource.query(
      `SELECT ST_Area(ST_Segmentize(ST_MakeEnvelope($1, $2, $3, $4, 4326), 0.01)::geography) AS area`,
      [bbox.minLng, bbox.minLat, bbox.maxLng, bbox.maxLat],
    );
    const spheroid = Number(rows[0]!.area);
    expect(Math.abs(bboxAreaSquareMeters(bbox) - spheroid) / spheroid).toBeLessThan(tolerance);
  });
});
