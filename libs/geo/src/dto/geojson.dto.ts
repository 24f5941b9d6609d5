import { ApiProperty } from '@nestjs/swagger';
import {
  IsIn,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  multiPolygonCoordinatesProblem,
  polygonCoordinatesProblem,
  type LineString,
  type MultiPolygon,
  type Polygon,
  type Position,
} from '../domain/geojson.js';
import { NestedUnion } from './nested-union.js';

/**
 * How much one geometry may hold: far beyond a city's boundary, and stated in the document, so
 * that no single body asks PostGIS to check millions of vertices.
 */
const MAX_RING_POSITIONS = 10_000;
const MAX_RINGS = 100;
const MAX_POLYGONS = 100;

/** Rings of an already well-formed polygon over the limits, or null. */
function sizeProblem(rings: unknown[][], where: string): string | null {
  if (rings.length > MAX_RINGS) return `${where} has more than ${MAX_RINGS} rings`;
  return rings.some((ring) => ring.length > MAX_RING_POSITIONS) ? `${where} has a ring of more than ${MAX_RING_POSITIONS} positions` : null;
}

const polygonProblem = (value: unknown): string | null =>
  polygonCoordinatesProblem(value) ?? sizeProblem(value as unknown[][], 'polygon');

function multiPolygonProblem(value: unknown): string | null {
  const problem = multiPolygonCoordinatesProblem(value);
  if (problem) return problem;
  const polygons = value as unknown[][][];
  if (polygons.length > MAX_POLYGONS) return `multipolygon has more than ${MAX_POLYGONS} polygons`;
  return polygons.map((rings, index) => sizeProblem(rings, `polygon ${index}`)).find((found) => found !== null) ?? null;
}

@ValidatorConstraint({ name: 'polygonCoordinates' })
class PolygonCoordinates implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return polygonProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property}: ${polygonProblem(args.value)}`;
  }
}

@ValidatorConstraint({ name: 'multiPolygonCoordinates' })
class MultiPolygonCoordinates implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return multiPolygonProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property}: ${multiPolygonProblem(args.value)}`;
  }
}

const POSITION_SCHEMA = {
  type: 'array',
  items: { type: 'number', format: 'double', minimum: -180, maximum: 180 },
  minItems: 2,
  maxItems: 2,
  description: '[lng, lat]',
};
const RING_SCHEMA = { type: 'array', items: POSITION_SCHEMA, minItems: 4, maxItems: MAX_RING_POSITIONS, description: 'Closed: last position = first' };
const SQUARE: Position[][] = [
  [
    [-73.99, 40.73],
    [-73.98, 40.73],
    [-73.98, 40.74],
    [-73.99, 40.74],
    [-73.99, 40.73],
  ],
];

/** A GeoJSON Polygon: shape, ranges and closure here; self-intersection by PostGIS after. */
export class PolygonDto implements Polygon {
  @ApiProperty({ enum: ['Polygon'] })
  @IsIn(['Polygon'])
  type: 'Polygon';

  @ApiProperty({ type: 'array', items: RING_SCHEMA, minItems: 1, maxItems: MAX_RINGS, example: SQUARE, description: 'Outer ring, then holes' })
  @Validate(PolygonCoordinates)
  coordinates: Position[][];
}

export class MultiPolygonDto implements MultiPolygon {
  @ApiProperty({ enum: ['MultiPolygon'] })
  @IsIn(['MultiPolygon'])
  type: 'MultiPolygon';

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: RING_SCHEMA, minItems: 1, maxItems: MAX_RINGS },
    minItems: 1,
    maxItems: MAX_POLYGONS,
    example: [SQUARE],
  })
  @Validate(MultiPolygonCoordinates)
  coordinates: Position[][][];
}

/** A GeoJSON LineString the api draws (a street); no body takes one, so it has no validators. */
export class LineStringDto implements LineString {
  @ApiProperty({ enum: ['LineString'] }) type: 'LineString';

  @ApiProperty({ type: 'array', items: POSITION_SCHEMA, minItems: 2, maxItems: MAX_RING_POSITIONS, example: SQUARE[0]!.slice(0, 2) })
  coordinates: Position[];
}

/** A body field holding a GeoJSON Polygon or MultiPolygon, told apart by `type`. */
export const IsPolygonal = (description = 'GeoJSON Polygon or MultiPolygon'): PropertyDecorator =>
  NestedUnion(
    [PolygonDto, MultiPolygonDto],
    (raw) => ((raw as { type?: unknown }).type === 'MultiPolygon' ? MultiPolygonDto : PolygonDto),
    description,
  );
