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
  type MultiPolygon,
  type Polygon,
  type Position,
} from '../domain/geojson.js';
import { NestedUnion } from './nested-union.js';

@ValidatorConstraint({ name: 'polygonCoordinates' })
class PolygonCoordinates implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return polygonCoordinatesProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property}: ${polygonCoordinatesProblem(args.value)}`;
  }
}

@ValidatorConstraint({ name: 'multiPolygonCoordinates' })
class MultiPolygonCoordinates implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return multiPolygonCoordinatesProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property}: ${multiPolygonCoordinatesProblem(args.value)}`;
  }
}

const POSITION_SCHEMA = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[lng, lat]' };
const RING_SCHEMA = { type: 'array', items: POSITION_SCHEMA, minItems: 4, description: 'Closed: last position = first' };
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

  @ApiProperty({ type: 'array', items: RING_SCHEMA, minItems: 1, example: SQUARE, description: 'Outer ring, then holes' })
  @Validate(PolygonCoordinates)
  coordinates: Position[][];
}

export class MultiPolygonDto implements MultiPolygon {
  @ApiProperty({ enum: ['MultiPolygon'] })
  @IsIn(['MultiPolygon'])
  type: 'MultiPolygon';

  @ApiProperty({ type: 'array', items: { type: 'array', items: RING_SCHEMA, minItems: 1 }, minItems: 1, example: [SQUARE] })
  @Validate(MultiPolygonCoordinates)
  coordinates: Position[][][];
}

/** A body field holding a GeoJSON Polygon or MultiPolygon, told apart by `type`. */
export const IsPolygonal = (description = 'GeoJSON Polygon or MultiPolygon'): PropertyDecorator =>
  NestedUnion(
    [PolygonDto, MultiPolygonDto],
    (raw) => ((raw as { type?: unknown }).type === 'MultiPolygon' ? MultiPolygonDto : PolygonDto),
    description,
  );
