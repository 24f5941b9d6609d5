import { PageQueryDto } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OVERRIDE_STATUSES, type OverrideStatus } from '../domain/override.js';

export class ListOverridesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OVERRIDE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(OVERRIDE_STATUSES)
  status: OverrideStatus = 'pending';
}
