import { ApiProperty } from '@nestjs/swagger';
import { RECORDING_TRIGGERS, type RecordingTrigger } from '../domain/recording-rules.js';
import type { RecordingEntity } from '../entities/recording.entity.js';

export class RecordingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cameraId: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endedAt: string;
  @ApiProperty({ enum: RECORDING_TRIGGERS }) trigger: RecordingTrigger;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class RecordingPageResponse {
  @ApiProperty({ type: [RecordingResponse], description: 'Newest first (by startedAt)' }) items: RecordingResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export const toRecordingResponse = (recording: RecordingEntity): RecordingResponse => ({
  id: recording.id,
  cameraId: recording.cameraId,
  startedAt: recording.startedAt.toISOString(),
  endedAt: recording.endedAt.toISOString(),
  trigger: recording.trigger,
  createdAt: recording.createdAt.toISOString(),
});
