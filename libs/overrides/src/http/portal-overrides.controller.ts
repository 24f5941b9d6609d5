import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateOverrideDto } from '../dto/create-override.dto.js';
import { OverrideResponse, toOverrideResponse } from '../dto/override.response.js';
import { OverridesService } from '../overrides.service.js';

@ApiTags('portal')
@ApiBodyErrors()
@Roles('officer', 'agency_admin')
@Serves('agency')
@Controller('portal/overrides')
export class PortalOverridesController {
  constructor(private readonly overrides: OverridesService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: "Claims footage of a request's window without consent, by warrant or emergency (invariant 6); always audited",
    description:
      'Reaches every camera in the area (or those named), whatever their owners answered or chose, except end-to-end encrypted ones. ' +
      'Under `emergencyDisclosure: platform-alone` an emergency is approved at once by the platform; otherwise it waits for a moderator.',
  })
  @ApiCreatedResponse({ type: OverrideResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such request, another agency's, or deleted" })
  @ApiConflictResponse({ type: ErrorBody, description: 'REQUEST_NOT_APPROVED (pending review or refused); IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'POLICY_WARRANT_PATH_CLOSED, OVERRIDE_WARRANT_REFERENCE_REQUIRED, OVERRIDE_CAMERAS_OUTSIDE_AREA; IDEMPOTENCY_KEY_REUSED',
  })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateOverrideDto): Promise<OverrideResponse> {
    return toOverrideResponse(await this.overrides.create(user, body));
  }
}
