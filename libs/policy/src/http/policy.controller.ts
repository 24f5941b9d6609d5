import { actorOf, type AuthUser, CurrentUser, Public, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PolicyResponse, ProfileListResponse, shippedProfiles } from '../dto/policy.response.js';
import { UpdatePolicyDto } from '../dto/update-policy.dto.js';
import { PolicyChanges } from '../policy-changes.service.js';
import { PolicyService } from '../policy.service.js';

@ApiTags('policy')
@ApiBodyErrors()
@Serves('all')
@Controller('policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly changes: PolicyChanges,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The active policy: its profile and every rule' })
  @ApiOkResponse({ type: PolicyResponse })
  active(): Promise<PolicyResponse> {
    return this.policy.active();
  }

  @Get('profiles')
  @Public()
  @ApiOperation({
    summary: 'Every shipped profile with its rules as shipped, to compare them side by side',
    description: '`PUT /api/policy {profile}` switches to one; the active policy may since have changed fields (`GET /api/policy`).',
  })
  @ApiOkResponse({ type: ProfileListResponse })
  profiles(): ProfileListResponse {
    return shippedProfiles();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Switch profile and/or change rules',
    description: 'With `profile`, the rules restart from that profile plus the fields given; without, the fields change the active policy. Audited as `policy.changed`.',
  })
  @ApiOkResponse({ type: PolicyResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Empty body, unknown field, bad value, or min above max (fields named in details)' })
  update(@CurrentUser() admin: AuthUser, @Body() body: UpdatePolicyDto): Promise<PolicyResponse> {
    return this.changes.update(actorOf(admin), { ...body });
  }
}
