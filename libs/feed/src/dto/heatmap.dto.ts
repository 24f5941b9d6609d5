import { PeriodQueryDto } from '@app/clock';
import { INSTANT_PROPERTY, INT32_MAX } from '@app/errors';
import { BboxQuery, H3_CELL_PROPERTY } from '@app/geo';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { POST_CATEGORIES, type PostCategory } from '../domain/post.js';
import type { Heatmap } from '../heatmap.service.js';

/** `from` defaults to 30 days before `to`. */
export class HeatmapQueryDto extends PeriodQueryDto {
  @BboxQuery()
  bbox: string;

  @ApiPropertyOptional({ enum: POST_CATEGORIES })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  category?: PostCategory;
}

export class HeatmapCellResponse {
  @ApiProperty({ ...H3_CELL_PROPERTY, description: 'H3 resolution-9 cell (~0.1 km²)' }) cell: string;
  @ApiProperty({ enum: POST_CATEGORIES }) category: PostCategory;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX, description: 'At least the policy’s heatmapMinPosts' }) posts: number;
}

export class HeatmapPeriodResponse {
  @ApiProperty(INSTANT_PROPERTY) from: string;
  @ApiProperty(INSTANT_PROPERTY) to: string;
}

export class HeatmapResponse {
  @ApiProperty({ type: HeatmapPeriodResponse }) period: HeatmapPeriodResponse;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX, description: 'The policy’s heatmapMinPosts: fewer posts in a cell and category, and it is left out' })
  minPosts: number;
  @ApiProperty({ type: [HeatmapCellResponse], maxItems: 5000, description: 'By cell, then category (a 50 km² box holds about 480 cells)' })
  cells: HeatmapCellResponse[];
}

export const toHeatmapResponse = (heatmap: Heatmap): HeatmapResponse => ({
  period: { from: heatmap.period.from.toISOString(), to: heatmap.period.to.toISOString() },
  minPosts: heatmap.minPosts,
  cells: heatmap.cells,
});
