import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ZIP } from './create-agency.dto.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AgencyMapQueryDto {
  @ApiPropertyOptional({ ...ZIP, description: 'Exact ZIP code' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{5}$/, { message: 'zip must be five digits' })
  zip?: string;

  @ApiPropertyOptional({
    example: 'springfield',
    minLength: 1,
    maxLength: 100,
    description: 'Part of the name or the city, any letter case, taken literally',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    example: '-89.75,39.70,-89.55,39.85',
    description: 'minLng,minLat,maxLng,maxLat: agencies whose jurisdiction intersects the box (400 BBOX_INVALID otherwise)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  bbox?: string;
}
