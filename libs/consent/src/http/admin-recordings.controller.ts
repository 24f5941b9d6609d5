import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { RecordingResponse, toRecordingResponse } from '@app/cameras';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { StaffAccessQueryDto } from '../dto/staff-access.query.js';
import { StaffAccessService } from '../staff-access.service.js';

@ApiTags('admin')
@ApiBodyErrors()
@Roles('admin')
@Serves('all')
@Controller('admin/recordings')
export class AdminRecordingsController {
  constructor(private readonly staffAccess: StaffAccessService) {}

  @Get(':id')
  @ApiOperation({ summary: "Staff access to a resident's recording: always audited; shown to the owner where the policy requires a reason" })
  @ApiOkResponse({ type: RecordingResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'A reason over 500 characters, or an unknown query parameter' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'RECORDING_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'POLICY_STAFF_REASON_REQUIRED' })
  async open(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: StaffAccessQueryDto): Promise<RecordingResponse> {
    return toRecordingResponse(await this.staffAccess.open(user, id, query.reason));
  }
}
