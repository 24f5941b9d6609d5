import { PageQueryDto } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LISTED_STATUSES, type ListedStatus } from '../domain/request.js';

export class ListRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LISTED_STATUSES })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: ListedStatus;
}
