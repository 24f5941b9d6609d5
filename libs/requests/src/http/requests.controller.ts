import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateRequestDto } from '../dto/create-request.dto.js';
import { ListRequestsQueryDto } from '../dto/list-requests.query.js';
import { RequestPageResponse, RequestResponse, toRequestResponse } from '../dto/request.response.js';
import { RequestsService } from '../requests.service.js';

const NOT_FOUND = "No such request, another agency's, or deleted";

@ApiTags('portal')
@ApiBodyErrors()
@Roles('officer', 'agency_admin')
@Serves('agency')
@Controller('portal/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Asks the owners of cameras in an area for footage of a time window (invariant 2)' })
  @ApiCreatedResponse({ type: RequestResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; GEOMETRY_INVALID; IDEMPOTENCY_KEY_INVALID' })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'A rule of the active policy (POLICY_*, details name its limit), WINDOW_INVERTED, WINDOW_IN_FUTURE, AREA_OUTSIDE_JURISDICTION; IDEMPOTENCY_KEY_REUSED',
  })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateRequestDto): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.create(user, body));
  }

  @Get()
  @ApiOperation({ summary: "The agency's requests, newest first (keyset pages)" })
  @ApiOkResponse({ type: RequestPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad status, limit or cursor' })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListRequestsQueryDto): Promise<RequestPageResponse> {
    const page = await this.requests.list(user, query.status, query.limit, query.cursor);
    return { items: page.items.map(toRequestResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: "One of the agency's requests with its counts" })
  @ApiOkResponse({ type: RequestResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_FOUND })
  async get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.get(user, id));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolves an open request: no further responses' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorBody, description: 'REQUEST_NOT_OPEN' })
  async close(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.close(user, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a request where the policy allows it (kept on record, hidden from the agency)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_FOUND })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'POLICY_DELETE_NOT_ALLOWED: resolve (close) it instead' })
  async remove(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.requests.remove(user, id);
  }
}
