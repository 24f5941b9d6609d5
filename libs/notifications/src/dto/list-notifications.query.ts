import { PageQueryDto } from '@app/database';
import { PAGE_CURSOR_QUERY, PAGE_LIMIT_QUERY } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional(PAGE_LIMIT_QUERY) override limit?: number;
  @ApiPropertyOptional(PAGE_CURSOR_QUERY) override cursor?: string;

  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
