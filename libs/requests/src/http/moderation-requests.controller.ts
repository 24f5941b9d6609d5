import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { PageQueryDto } from '@app/database';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DecideRequestDto } from '../dto/decide-request.dto.js';
import { RequestPageResponse, RequestResponse, toRequestResponse } from '../dto/request.response.js';
import { RequestsService } from '../requests.service.js';

@ApiTags('moderation')
@ApiBodyErrors()
@Roles('moderator')
@Serves('all')
@Controller('moderation/requests')
export class ModerationRequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @ApiOperation({ summary: 'Footage requests waiting for review before they reach anyone (policy requestReview), oldest first (keyset pages)' })
  @ApiOkResponse({ type: RequestPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit or cursor' })
  async list(@Query() query: PageQueryDto): Promise<RequestPageResponse> {
    const page = await this.requests.pendingReview(query.limit, query.cursor);
    return { items: page.items.map(toRequestResponse), nextCursor: page.nextCursor };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approves a request (it opens now: owners asked, posted where its delivery says, expiry from now) or refuses it (it reaches nobody); once; audited',
  })
  @ApiOkResponse({ type: RequestResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such request, or deleted' })
  @ApiConflictResponse({ type: ErrorBody, description: 'REQUEST_ALREADY_REVIEWED: not waiting for review (decided, or never asked for)' })
  async decide(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: DecideRequestDto): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.decide(user, id, body));
  }
}
