import { INT32_MAX } from '@app/errors';
import { H3_CELL_PROPERTY } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';


export class CoverageQueryDto {
  @ApiProperty({
    example: '-74.02,40.70,-73.98,40.73',
    description: 'minLng,minLat,maxLng,maxLat in WGS 84 degrees; at most 50 km² (else 400 BBOX_TOO_LARGE)',
    maxLength: 200,
  })
  @IsString()
  @MaxLength(200)
  bbox: string;
}

/** A cell and how many countable cameras it holds; never a location, camera or owner. */
export class CoverageCellResponse {
  @ApiProperty({ ...H3_CELL_PROPERTY, description: 'H3 resolution-9 cell (~0.1 km²)' }) cell: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX, example: 4, description: 'At least the active policy’s coverageKAnonymity' })
  count: number;
}
