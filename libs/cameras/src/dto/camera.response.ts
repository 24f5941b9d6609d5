import { LatLngDto } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import type { CameraEntity } from '../entities/camera.entity.js';
import { toLatLng } from '../location.mapper.js';

/** What the owner sees of their own camera (police never get this shape). */
export class CameraResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Front porch' }) label: string;
  @ApiProperty({ type: LatLngDto }) location: LatLngDto;
  @ApiProperty({ example: '892a100d2c3ffff', description: 'H3 resolution-9 cell of the location: what the coverage map counts' })
  cell: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export const toCameraResponse = (camera: CameraEntity): CameraResponse => ({
  id: camera.id,
  label: camera.label,
  location: toLatLng(camera.location),
  cell: camera.h3R9,
  createdAt: camera.createdAt.toISOString(),
});
