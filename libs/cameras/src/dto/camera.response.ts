import { INSTANT_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { H3_CELL_PROPERTY, LatLngDto } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import { LABEL_MAX } from './camera.dto.js';
import type { CameraEntity } from '../entities/camera.entity.js';
import { toLatLng } from '../location.mapper.js';

/** What the owner sees of their own camera (police never get this shape). */
export class CameraResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ example: 'Front porch', maxLength: LABEL_MAX }) label: string;
  @ApiProperty({ type: LatLngDto }) location: LatLngDto;
  @ApiProperty({ ...H3_CELL_PROPERTY, description: 'H3 resolution-9 cell of the location: what the coverage map counts' })
  cell: string;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
}

export const toCameraResponse = (camera: CameraEntity): CameraResponse => ({
  id: camera.id,
  label: camera.label,
  location: toLatLng(camera.location),
  cell: camera.h3R9,
  createdAt: camera.createdAt.toISOString(),
});
