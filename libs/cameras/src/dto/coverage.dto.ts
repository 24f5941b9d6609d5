import { INT32_MAX } from '@app/errors';
import { BboxQuery, H3_CELL_PROPERTY } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';

export class CoverageQueryDto {
  @BboxQuery()
  bbox: string;
}

/** A cell and how many countable cameras it holds; never a location, camera or owner. */
export class CoverageCellResponse {
  @ApiProperty({ ...H3_CELL_PROPERTY, description: 'H3 resolution-9 cell (~0.1 km²)' }) cell: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX, example: 4, description: 'At least the active policy’s coverageKAnonymity' })
  count: number;
}
