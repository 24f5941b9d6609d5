import { INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { ApiProperty } from '@nestjs/swagger';
import { RECORDING_TRIGGERS, type RecordingTrigger } from '../domain/recording-rules.js';
import type { RecordingEntity } from '../entities/recording.entity.js';

export class RecordingResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(UUID_PROPERTY) cameraId: string;
  @ApiProperty(INSTANT_PROPERTY) startedAt: string;
  @ApiProperty(INSTANT_PROPERTY) endedAt: string;
  @ApiProperty({ enum: RECORDING_TRIGGERS }) trigger: RecordingTrigger;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
}

export class RecordingPageResponse {
  @ApiProperty({ type: [RecordingResponse], maxItems: 200, description: 'Newest first (by startedAt); at most `limit`' })
  items: RecordingResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
}

export const toRecordingResponse = (recording: RecordingEntity): RecordingResponse => ({
  id: recording.id,
  cameraId: recording.cameraId,
  startedAt: recording.startedAt.toISOString(),
  endedAt: recording.endedAt.toISOString(),
  trigger: recording.trigger,
  createdAt: recording.createdAt.toISOString(),
});
