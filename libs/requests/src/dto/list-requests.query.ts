import { PageQueryDto } from '@app/database';
import { PAGE_CURSOR_QUERY, PAGE_LIMIT_QUERY } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LISTED_STATUSES, type ListedStatus } from '../domain/request.js';

export class ListRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional(PAGE_LIMIT_QUERY) override limit?: number;
  @ApiPropertyOptional(PAGE_CURSOR_QUERY) override cursor?: string;

  @ApiPropertyOptional({ enum: LISTED_STATUSES })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: ListedStatus;
}
