import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNumber, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { MAX_RADIUS_METERS, MIN_RADIUS_METERS, type CircleArea } from '../domain/area.js';
import { LatLngDto } from './lat-lng.dto.js';
import { PolygonDto } from './geojson.dto.js';
import { NestedUnion } from './nested-union.js';

export class CircleAreaDto implements CircleArea {
  @ApiProperty({ type: LatLngDto })
  @IsDefined()
  // ValidateNested alone takes an array as a list of centres to check one by one: [] would pass.
  @IsObject()
  @ValidateNested()
  @Type(() => LatLngDto)
  center: LatLngDto;

  @ApiProperty({ minimum: MIN_RADIUS_METERS, maximum: MAX_RADIUS_METERS, example: 400 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_RADIUS_METERS)
  @Max(MAX_RADIUS_METERS)
  radiusMeters: number;
}

/**
 * A body field holding an Area: a GeoJSON Polygon when the object has a `type`, otherwise a
 * circle `{center, radiusMeters}`.
 */
export const IsArea = (description = 'A circle {center, radiusMeters} or a GeoJSON Polygon'): PropertyDecorator =>
  NestedUnion([CircleAreaDto, PolygonDto], (raw) => ('type' in raw ? PolygonDto : CircleAreaDto), description);
