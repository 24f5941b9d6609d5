import { RECORDING_TRIGGERS } from '@app/cameras';
import { INSTANT_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { LatLngDto } from '@app/geo';
import { OVERRIDE_BASES, type OverrideBasis } from '@app/overrides';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SharedOwner, SharedRecording } from '../footage.service.js';
import { CAMERA_LABEL, DISPLAY_NAME, EMAIL } from './request-fields.js';

class SharedCameraResponse {
  @ApiProperty(CAMERA_LABEL) label: string;
  @ApiProperty({ type: LatLngDto }) location: LatLngDto;
}

export class SharedRecordingResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(INSTANT_PROPERTY) startedAt: string;
  @ApiProperty(INSTANT_PROPERTY) endedAt: string;
  @ApiProperty({ enum: RECORDING_TRIGGERS }) trigger: string;
  @ApiProperty({ enum: ['consent', 'override'], description: "consent: the owner shared it; override: an approved warrant or emergency override opened it" })
  access: 'consent' | 'override';
  @ApiPropertyOptional({ enum: OVERRIDE_BASES, description: "Only for access: override" })
  basis?: OverrideBasis;
  @ApiPropertyOptional({ type: SharedCameraResponse, description: 'Only where the policy the owner shared under discloses identity; the label and place when shared' })
  camera?: SharedCameraResponse;
}

export class SharedOwnerResponse {
  @ApiProperty({ pattern: '^Neighbor #[0-9]+$', maxLength: 32, example: 'Neighbor #3', description: 'Stable within this request only' })
  pseudonym: string;
  @ApiPropertyOptional({ ...DISPLAY_NAME, description: 'Only where the policy the owner shared under discloses identity' }) name?: string;
  @ApiPropertyOptional({ ...EMAIL, description: 'Only where the policy the owner shared under discloses identity' }) email?: string;
  @ApiProperty(INSTANT_PROPERTY) sharedAt: string;
  @ApiProperty({ type: [SharedRecordingResponse], description: 'Exactly what the owner shared, and what approved overrides opened' })
  recordings: SharedRecordingResponse[];
}

export class FootageResponse {
  @ApiProperty(UUID_PROPERTY) requestId: string;
  @ApiProperty({ type: [SharedOwnerResponse], description: 'Owners whose consent is given, each with exactly what they shared; owners an approved override reached' })
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
