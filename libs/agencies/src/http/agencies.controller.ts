import { type AuthUser, CurrentUser, Public, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { parseBbox } from '@app/geo';
import { toUserResponse, UserResponse } from '@app/identity';
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
import { AgenciesService } from '../agencies.service.js';
import { AgencyMapQueryDto } from '../dto/agency-map.query.js';
import { AgencyMapResponse, toAgencyMap } from '../dto/agency-map.response.js';
import { AgencyResponse, toAgencyResponse } from '../dto/agency.response.js';
import { CreateAgencyMemberDto } from '../dto/create-agency-member.dto.js';
import { CreateAgencyDto } from '../dto/create-agency.dto.js';

@ApiTags('agencies')
@ApiBodyErrors()
@Serves('all')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  // Declared before ':id' so that the static segment is never read as an id.
  @Get('map')
  @Public()
  @ApiOperation({ summary: 'The Active Law Enforcement Map: partner agencies and their jurisdictions' })
  @ApiOkResponse({ type: AgencyMapResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown query parameters; BBOX_INVALID' })
  async map(@Query() query: AgencyMapQueryDto): Promise<AgencyMapResponse> {
    const bbox = query.bbox === undefined ? undefined : parseBbox(query.bbox);
    return toAgencyMap(await this.agencies.map({ zip: query.zip, q: query.q, bbox }));
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One agency: partnership start, jurisdiction and public statistics' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'AGENCY_NOT_FOUND' })
  async profile(@UuidParam() id: string): Promise<AgencyResponse> {
    return toAgencyResponse(await this.agencies.profile(id));
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Adds a partner agency with its jurisdiction' })
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'Invalid or unknown fields; GEOMETRY_INVALID: the jurisdiction crosses itself; IDEMPOTENCY_KEY_INVALID',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED: the key came with another body' })
  async create(@CurrentUser() admin: AuthUser, @Body() body: CreateAgencyDto): Promise<AgencyResponse> {
    return toAgencyResponse(await this.agencies.create(admin, body));
  }

  @Post(':id/officers')
  @Roles('admin', 'agency_admin')
  @Serves('agency')
  @Idempotent()
  @ApiOperation({ summary: 'An officer or agency admin for this agency (admins: any agency; agency admins: their own)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'AGENCY_NOT_FOUND, also for another agency’s admin' })
  @ApiConflictResponse({ type: ErrorBody, description: 'EMAIL_TAKEN; IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED: the key came with another body' })
  async addMember(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: CreateAgencyMemberDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.agencies.addMember(actor, id, body));
  }
}
