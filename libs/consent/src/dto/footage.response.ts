import { LatLngDto } from '@app/geo';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SharedOwner, SharedRecording } from '../footage.service.js';

class SharedCameraResponse {
  @ApiProperty() label: string;
  @ApiProperty({ type: LatLngDto }) location: LatLngDto;
}

export class SharedRecordingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) endedAt: string;
  @ApiProperty() trigger: string;
  @ApiPropertyOptional({ type: SharedCameraResponse, description: 'Only where the policy the owner shared under discloses identity; the label and place when shared' })
  camera?: SharedCameraResponse;
}

export class SharedOwnerResponse {
  @ApiProperty({ example: 'Neighbor #3', description: 'Stable within this request only' }) pseudonym: string;
  @ApiPropertyOptional({ description: 'Only where the policy the owner shared under discloses identity' }) name?: string;
  @ApiPropertyOptional({ description: 'Only where the policy the owner shared under discloses identity' }) email?: string;
  @ApiProperty({ format: 'date-time' }) sharedAt: string;
  @ApiProperty({ type: [SharedRecordingResponse] }) recordings: SharedRecordingResponse[];
}

export class FootageResponse {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ type: [SharedOwnerResponse], description: 'Owners whose consent is given, each with exactly what they shared' })
  owners: SharedOwnerResponse[];
}

const toRecordingResponse = (recording: SharedRecording): SharedRecordingResponse => ({
  ...recording,
  startedAt: recording.startedAt.toISOString(),
  endedAt: recording.endedAt.toISOString(),
});

export const toSharedOwnerResponse = (owner: SharedOwner): SharedOwnerResponse => ({
  ...owner,
  sharedAt: owner.sharedAt.toISOString(),
  recordings: owner.recordings.map(toRecordingResponse),
});
