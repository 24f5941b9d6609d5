import { INSTANT_MAX_LENGTH } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

export class TransparencyQueryDto {
  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, description: 'Inclusive; default: a year before `to`' })
  @IsOptional()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'from must name its time zone (Z or ±hh:mm)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, description: 'Exclusive; default: now (the sandbox clock)' })
  @IsOptional()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'to must name its time zone (Z or ±hh:mm)' })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same table as CSV (also with `Accept: text/csv`)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
