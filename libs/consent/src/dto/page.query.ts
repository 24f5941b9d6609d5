import { PageQueryDto } from '@app/database';
import { PAGE_CURSOR_QUERY, PAGE_LIMIT_QUERY } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';

/** PageQueryDto, documented with the limits it checks. */
export class ConsentPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional(PAGE_LIMIT_QUERY) override limit?: number;
  @ApiPropertyOptional(PAGE_CURSOR_QUERY) override cursor?: string;
}
