import { PageQueryDto } from '@app/database';
import { DecimalQuery } from '@app/geo';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsLatitude, IsLongitude, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { FEED_RADIUS_MAX_METERS, POST_CATEGORIES, type PostCategory } from '../domain/post.js';

const FINITE = { allowNaN: false, allowInfinity: false };

export class FeedQueryDto extends PageQueryDto {
  @ApiProperty({ type: 'number', minimum: -90, maximum: 90, example: 40.7128 })
  @DecimalQuery()
  @IsNumber(FINITE)
  @IsLatitude()
  lat: number;

  @ApiProperty({ type: 'number', minimum: -180, maximum: 180, example: -74.006 })
  @DecimalQuery()
  @IsNumber(FINITE)
  @IsLongitude()
  lng: number;

  @ApiProperty({ type: 'number', minimum: 1, maximum: FEED_RADIUS_MAX_METERS, example: 1500, description: "Posts whose cell centre lies within this distance" })
  @DecimalQuery()
  @IsNumber(FINITE)
  @Min(1)
  @Max(FEED_RADIUS_MAX_METERS)
  radiusMeters: number;

  @ApiPropertyOptional({ enum: POST_CATEGORIES })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  category?: PostCategory;
}
