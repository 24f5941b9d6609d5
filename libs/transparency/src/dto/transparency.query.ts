import { PeriodQueryDto } from '@app/clock';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `from` defaults to a year before `to`. */
export class TransparencyQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same table as CSV (also with `Accept: text/csv`)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
