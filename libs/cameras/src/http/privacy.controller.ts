import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PrivacyResponse, UpdatePrivacyDto } from '../dto/privacy.dto.js';
import { PrivacyService } from '../privacy.service.js';

@ApiTags('privacy')
@ApiBodyErrors()
@Roles('resident')
@Serves('caller')
@Controller('me/privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get()
  @ApiOperation({ summary: 'Your privacy settings as in effect now, and which ones are the policy’s defaults' })
  @ApiOkResponse({ type: PrivacyResponse })
  get(@CurrentUser() user: AuthUser): Promise<PrivacyResponse> {
    return this.privacy.view(user.id);
  }

  @Put()
  @ApiOperation({
    summary: 'Changes some settings',
    description: 'Fields left out stay as they are; `null` puts a choice back to the policy default. Audited as `privacy.updated`.',
  })
  @ApiOkResponse({ type: PrivacyResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Empty body, unknown field or bad value' })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdatePrivacyDto): Promise<PrivacyResponse> {
    return this.privacy.update(user.id, body);
  }
}
