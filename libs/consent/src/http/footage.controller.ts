import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Controller, Get } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FootageResponse, SharedOwnerResponse, toSharedOwnerResponse } from '../dto/footage.response.js';
import { FootageService } from '../footage.service.js';

@ApiTags('portal')
@ApiBodyErrors()
@Roles('officer', 'agency_admin')
@Serves('agency')
@Controller('portal/requests/:id/footage')
export class FootageController {
  constructor(private readonly footage: FootageService) {}

  @Get()
  @ApiOperation({
    summary: 'Exactly the recordings owners shared for this request (invariant 3), and what approved overrides opened (invariant 6); each view is audited',
  })
  @ApiOkResponse({ type: FootageResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such request, another agency's, or deleted" })
  async list(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<FootageResponse> {
    const owners = await this.footage.list(user, id);
    return { requestId: id, owners: owners.map(toSharedOwnerResponse) };
  }

  @Get(':recordingId')
  @ApiOperation({ summary: 'One shared recording with its owner as the policy shows them; audited' })
  @ApiOkResponse({ type: SharedOwnerResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such request, or the recording is neither shared for it nor opened by an approved override' })
  async one(@CurrentUser() user: AuthUser, @UuidParam() id: string, @UuidParam('recordingId') recordingId: string): Promise<SharedOwnerResponse> {
    return toSharedOwnerResponse(await this.footage.one(user, id, recordingId));
  }
}
