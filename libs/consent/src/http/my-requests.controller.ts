import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { PageQueryDto } from '@app/database';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ConsentService } from '../consent.service.js';
import { ConsentReceiptResponse } from '../dto/receipt.response.js';
import { ReceivedRequestPageResponse, toReceivedRequestResponse } from '../dto/received-request.response.js';
import { RespondDto } from '../dto/respond.dto.js';

@ApiTags('consent')
@ApiBodyErrors()
@Roles('resident')
@Serves('caller')
@Controller('me/requests')
export class MyRequestsController {
  constructor(private readonly consent: ConsentService) {}

  @Get()
  @ApiOperation({ summary: 'Footage requests that reached me, newest first, with my offered recordings and my decision' })
  @ApiOkResponse({ type: ReceivedRequestPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit or cursor' })
  async list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<ReceivedRequestPageResponse> {
    const page = await this.consent.received(user, query.limit, query.cursor);
    return { items: page.items.map(toReceivedRequestResponse), nextCursor: page.nextCursor };
  }

  @Post(':id/response')
  @Idempotent()
  @ApiOperation({ summary: 'Shares all or some of the offered recordings, or declines; answers the consent receipt (invariants 3, 4)' })
  @ApiCreatedResponse({ type: ConsentReceiptResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such request, or it did not reach me' })
  @ApiConflictResponse({ type: ErrorBody, description: 'REQUEST_NOT_OPEN (closed, expired, deleted); CONSENT_ALREADY_DECIDED; IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'RECORDINGS_EMPTY, RECORDINGS_NOT_OFFERED, DECLINE_WITH_RECORDINGS, NOTHING_TO_SHARE; IDEMPOTENCY_KEY_REUSED',
  })
  respond(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: RespondDto): Promise<ConsentReceiptResponse> {
    return this.consent.respond(user, id, body);
  }
}
