import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/**
 * A map query's `bbox` as sent (parseBbox reads it, assertMapBbox bounds it): documented and
 * checked the same way on the coverage map and the heat map.
 */
export const BboxQuery = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      example: '-74.02,40.70,-73.98,40.73',
      description: 'minLng,minLat,maxLng,maxLat in WGS 84 degrees; at most 50 km² (else 400 BBOX_TOO_LARGE)',
      maxLength: 200,
    }),
    IsString(),
    MaxLength(200),
  );
