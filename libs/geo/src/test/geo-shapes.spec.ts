import 'reflect-metadata';
import { ValidationError } from '@app/errors';
import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { bboxAreaSquareMeters, circleAreaSquareMeters, EARTH_RADIUS_METERS } from '../domain/area.js';
import { polygonCoordinatesProblem, toMultiPolygon, type Polygon, type Position } from '../domain/geojson.js';
import { IsArea } from '../dto/area.dto.js';
import { IsPolygonal } from '../dto/geojson.dto.js';
import { parseBbox } from '../parse-bbox.js';

const SQUARE: Position[] = [
  [-73.99, 40.73],
  [-73.98, 40.73],
  [-73.98, 40.74],
  [-73.99, 40.74],
  [-73.99, 40.73],
];
const polygon = (ring: unknown[] = SQUARE): { type: string; coordinates: unknown[] } => ({ type: 'Polygon', coordinates: [ring] });

class Shapes {
  @IsArea()
  area: unknown;

  @IsPolygonal()
  shape: unknown;
}

/** Field paths class-validator complains about, as the api's ValidationPipe would report them. */
async function problems(body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(Shapes, body), { whitelist: true, forbidNonWhitelisted: true });
  const paths = (list: typeof errors, parent: string): string[] =>
    list.flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [path] : []), ...paths(error.children ?? [], path)];
    });
  return paths(errors, '');
}

describe('bbox query parameter', () => {
  it('reads minLng,minLat,maxLng,maxLat, spaces allowed', () => {
    expect(parseBbox(' -74.01, 40.70 ,-73.97,40.75')).toEqual({ minLng: -74.01, minLat: 40.7, maxLng: -73.97, maxLat: 40.75 });
  });

  it.each([
    ['three numbers', '1,2,3'],
    ['five numbers', '1,2,3,4,5'],
    ['an empty part', '1,,3,4'],
    ['a word', 'a,2,3,4'],
    ['hex, which Number() would take', '0x10,2,30,4'],
    ['Infinity', '-Infinity,2,3,4'],
    ['an overflowing exponent', '1,2,1e400,4'],
    ['latitude 91', '0,0,1,91'],
    ['longitude -181', '-181,0,1,1'],
    ['min longitude not below max', '2,0,1,1'],
    ['an empty box', '1,1,1,2'],
  ])('is a 400 BBOX_INVALID for %s', (_what, text) => {
    expect(() => parseBbox(text)).toThrow(ValidationError);
    expect(() => parseBbox(text)).toThrow(expect.objectContaining({ code: 'BBOX_INVALID', details: [expect.objectContaining({ field: 'bbox' })] }));
  });
});

describe('areas on the sphere', () => {
  const sphere = 4 * Math.PI * EARTH_RADIUS_METERS ** 2;

  it('gives the whole globe as a box the area of the sphere', () => {
    expect(bboxAreaSquareMeters({ minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 })).toBeCloseTo(sphere, -3);
  });

  it('shrinks a one-degree box with the cosine of its latitude', () => {
    const equator = bboxAreaSquareMeters({ minLng: 0, minLat: 0, maxLng: 1, maxLat: 1 });
    expect(equator / 1e6).toBeCloseTo(12_364, 0);
    const sixty = bboxAreaSquareMeters({ minLng: 0, minLat: 59.5, maxLng: 1, maxLat: 60.5 });
    expect(sixty / equator).toBeCloseTo(0.5, 2);
  });

  it('gives a circle π r², within 0.001 % of the spherical cap at the 50 km limit', () => {
    expect(circleAreaSquareMeters(100)).toBeCloseTo(31_415.93, 1);
    const r = 50_000;
    const cap = 2 * Math.PI * EARTH_RADIUS_METERS ** 2 * (1 - Math.cos(r / EARTH_RADIUS_METERS));
    expect(Math.abs(circleAreaSquareMeters(r) - cap) / cap).toBeLessThan(1e-5);
  });
});

describe('GeoJSON polygon coordinates', () => {
  it('accepts a closed ring of four or more [lng, lat] positions', () => {
    expect(polygonCoordinatesProblem([SQUARE])).toBeNull();
  });

  it.each([
    ['an unclosed ring', [SQUARE.slice(0, 4)], 'not closed'],
    ['a ring of three positions', [[SQUARE[0], SQUARE[1], SQUARE[0]]], 'at least 4'],
    ['latitude 91', [[[0, 0], [1, 0], [1, 91], [0, 0]]], 'latitude 91'],
    ['longitude -181', [[[0, 0], [-181, 0], [1, 1], [0, 0]]], 'longitude -181'],
    ['a coordinate given as a string', [[[0, 0], ['1', 0], [1, 1], [0, 0]]], 'two finite numbers'],
    ['NaN', [[[0, 0], [Number.NaN, 0], [1, 1], [0, 0]]], 'two finite numbers'],
    ['an altitude', [[[0, 0, 5], [1, 0, 5], [1, 1, 5], [0, 0, 5]]], 'two finite numbers'],
    ['no rings', [], 'non-empty'],
  ])('names the problem with %s', (_what, coordinates, problem) => {
    expect(polygonCoordinatesProblem(coordinates)).toContain(problem);
  });

  it('wraps a Polygon as a one-part MultiPolygon and leaves a MultiPolygon alone', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [SQUARE] };
    expect(toMultiPolygon(square)).toEqual({ type: 'MultiPolygon', coordinates: [[SQUARE]] });
    const multi = toMultiPolygon(square);
    expect(toMultiPolygon(multi)).toBe(multi);
  });
});

describe('area and polygonal body fields', () => {
  const circle = { center: { lat: 40.73, lng: -73.99 }, radiusMeters: 400 };
  const multi = { type: 'MultiPolygon', coordinates: [[SQUARE]] };

  it('accept a circle or a Polygon as an area, and a Polygon or a MultiPolygon as a shape', async () => {
    expect(await problems({ area: circle, shape: polygon() })).toEqual([]);
    expect(await problems({ area: polygon(), shape: multi })).toEqual([]);
  });

  it.each([
    ['a radius of 0', { area: { ...circle, radiusMeters: 0 } }, 'area.radiusMeters'],
    ['a radius over 50 km', { area: { ...circle, radiusMeters: 50_001 } }, 'area.radiusMeters'],
    ['a centre at latitude 91', { area: { ...circle, center: { lat: 91, lng: 0 } } }, 'area.center.lat'],
    ['a circle without centre', { area: { radiusMeters: 10 } }, 'area.center'],
    ['an unknown field in a circle', { area: { ...circle, extra: 1 } }, 'area.extra'],
    ['an unknown field in a polygon', { area: { ...polygon(), crs: 'x' } }, 'area.crs'],
    ['a MultiPolygon where only a Polygon may go', { area: multi }, 'area.type'],
    ['a Point', { area: { type: 'Point', coordinates: [0, 0] } }, 'area.type'],
    ['an array', { area: [circle] }, 'area'],
    ['a string', { area: 'near the park' }, 'area'],
    ['an unclosed ring', { shape: polygon(SQUARE.slice(0, 4)) }, 'shape.coordinates'],
    ['polygon coordinates in a MultiPolygon', { shape: { type: 'MultiPolygon', coordinates: [SQUARE] } }, 'shape.coordinates'],
  ])('reject %s, naming the field', async (_what, body, field) => {
    const fields = await problems({ area: circle, shape: polygon(), ...body });
    expect(fields).toContain(field);
  });
});
