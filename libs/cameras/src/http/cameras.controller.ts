import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
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
import { CamerasService } from '../cameras.service.js';
import { CreateCameraDto, UpdateCameraDto } from '../dto/camera.dto.js';
import { CameraResponse, toCameraResponse } from '../dto/camera.response.js';

@ApiTags('cameras')
@ApiBodyErrors()
@Roles('resident')
@Serves('caller')
@Controller('cameras')
export class CamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Adds a camera; its H3 cell is computed from the location' })
  @ApiCreatedResponse({ type: CameraResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED: the key came with another body' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateCameraDto): Promise<CameraResponse> {
    return toCameraResponse(await this.cameras.create(user.id, body));
  }

  @Get()
  @ApiOperation({ summary: "The caller's cameras, newest first" })
  @ApiOkResponse({ type: [CameraResponse] })
  async list(@CurrentUser() user: AuthUser): Promise<CameraResponse[]> {
    return (await this.cameras.list(user.id)).map(toCameraResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your cameras' })
  @ApiOkResponse({ type: CameraResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
  async get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<CameraResponse> {
    return toCameraResponse(await this.cameras.get(user.id, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Renames and/or moves a camera (a move recomputes its H3 cell)' })
  @ApiOkResponse({ type: CameraResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields, or neither field given' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
  async update(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: UpdateCameraDto): Promise<CameraResponse> {
    return toCameraResponse(await this.cameras.update(user.id, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a camera and all its recordings' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
  async remove(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.cameras.remove(user.id, id);
  }
}
