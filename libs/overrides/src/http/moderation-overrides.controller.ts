import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DecideOverrideDto } from '../dto/decide-override.dto.js';
import { ListOverridesQueryDto } from '../dto/list-overrides.query.js';
import { OverridePageResponse, OverrideResponse, toOverrideResponse } from '../dto/override.response.js';
import { OverridesService } from '../overrides.service.js';

@ApiTags('moderation')
@ApiBodyErrors()
@Roles('moderator')
@Serves('all')
@Controller('moderation/overrides')
export class ModerationOverridesController {
  constructor(private readonly overrides: OverridesService) {}

  @Get()
  @ApiOperation({ summary: 'Overrides of one status (default pending), oldest first (keyset pages)' })
  @ApiOkResponse({ type: OverridePageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad status, limit or cursor' })
  async list(@Query() query: ListOverridesQueryDto): Promise<OverridePageResponse> {
    const page = await this.overrides.list(query.status, query.limit, query.cursor);
    return { items: page.items.map(toOverrideResponse), nextCursor: page.nextCursor };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approves or refuses a pending override, once; the policy in force fixes what an approval means' })
  @ApiOkResponse({ type: OverrideResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such override' })
  @ApiConflictResponse({ type: ErrorBody, description: 'OVERRIDE_ALREADY_DECIDED' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'OVERRIDE_WARRANT_UNCHECKED' })
  async decide(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: DecideOverrideDto): Promise<OverrideResponse> {
    return toOverrideResponse(await this.overrides.decide(user, id, body));
  }
}
