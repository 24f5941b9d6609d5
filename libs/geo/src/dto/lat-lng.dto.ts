import { ApiProperty } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsNumber } from 'class-validator';
import type { LatLng } from '../domain/lat-lng.js';

const FINITE = { allowNaN: false, allowInfinity: false };

/** `{lat, lng}` in WGS 84 degrees; strings, NaN and out-of-range values are a 400. */
export class LatLngDto implements LatLng {
  @ApiProperty({ minimum: -90, maximum: 90, example: 40.7128 })
  @IsNumber(FINITE)
  @IsLatitude()
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: -74.006 })
  @IsNumber(FINITE)
  @IsLongitude()
  lng: number;
}
