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
import { CreateRecordingDto } from '../dto/recording.dto.js';
import { RecordingPageResponse, RecordingResponse, toRecordingResponse } from '../dto/recording.response.js';
import { RecordingsService } from '../recordings.service.js';

@ApiTags('cameras')
@ApiBodyErrors()
@ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
@Roles('resident')
@Serves('caller')
@Controller('cameras/:id/recordings')
export class RecordingsController {
  constructor(private readonly recordings: RecordingsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Stores a simulated clip of one of your cameras' })
  @ApiCreatedResponse({ type: RecordingResponse })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'Invalid or unknown fields, RECORDING_ENDS_BEFORE_START (endedAt not after startedAt); IDEMPOTENCY_KEY_INVALID',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'RECORDING_TOO_LONG (over 1 h), RECORDING_IN_FUTURE (ends after the current time); IDEMPOTENCY_KEY_REUSED',
  })
  async create(
    @CurrentUser() user: AuthUser,
    @UuidParam() cameraId: string,
    @Body() body: CreateRecordingDto,
  ): Promise<RecordingResponse> {
    const recording = await this.recordings.create(user.id, cameraId, {
      startedAt: new Date(body.startedAt),
      endedAt: new Date(body.endedAt),
      trigger: body.trigger,
    });
    return toRecordingResponse(recording);
  }

  @Get()
  @ApiOperation({ summary: "A camera's recordings, newest first, keyset-paginated" })
  @ApiOkResponse({ type: RecordingPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit, or CURSOR_INVALID' })
  async list(
    @CurrentUser() user: AuthUser,
    @UuidParam() cameraId: string,
    @Query() query: PageQueryDto,
  ): Promise<RecordingPageResponse> {
    const page = await this.recordings.list(user.id, cameraId, query.limit, query.cursor);
    return { items: page.items.map(toRecordingResponse), nextCursor: page.nextCursor };
  }
}
