import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { PageQueryDto } from '@app/database';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccessLogService } from '../access-log.service.js';
import { AccessLogResponse, toAccessEntryResponse } from '../dto/access-log.response.js';

@ApiTags('consent')
@ApiBodyErrors()
@Roles('resident')
@Serves('caller')
@Controller('me/access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @ApiOperation({ summary: 'Who saw my shared footage (agency and officer pseudonym, or staff where the policy shows it), when and why' })
  @ApiOkResponse({ type: AccessLogResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit or cursor' })
  async list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<AccessLogResponse> {
    const page = await this.accessLog.list(user, query.limit, query.cursor);
    return { items: page.items.map(toAccessEntryResponse), nextCursor: page.nextCursor };
  }
}
