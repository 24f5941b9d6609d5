import { ErrorBody, UuidParam } from '@app/errors';
import { CurrentUser, Roles, type AuthUser } from '@app/identity';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CamerasService } from '../cameras.service.js';
import { CreateCameraDto, UpdateCameraDto } from '../dto/camera.dto.js';
import { CameraResponse, toCameraResponse } from '../dto/camera.response.js';

@ApiTags('cameras')
@Roles('resident')
@Controller('cameras')
export class CamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Adds a camera; its H3 cell is computed from the location' })
  @ApiCreatedResponse({ type: CameraResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
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
  @ApiOkResponse({ type: CameraResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'ID_INVALID: not a UUID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
  async get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<CameraResponse> {
    return toCameraResponse(await this.cameras.get(user.id, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Renames and/or moves a camera (a move recomputes its H3 cell)' })
  @ApiOkResponse({ type: CameraResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'ID_INVALID, invalid or unknown fields, or neither field given' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
  async update(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: UpdateCameraDto): Promise<CameraResponse> {
    return toCameraResponse(await this.cameras.update(user.id, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a camera and all its recordings' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'ID_INVALID: not a UUID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such camera, or another resident's" })
  async remove(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.cameras.remove(user.id, id);
  }
}
