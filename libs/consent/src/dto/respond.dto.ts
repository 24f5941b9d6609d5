import { Omittable } from '@app/errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUUID } from 'class-validator';

const MAX_RECORDING_IDS = 1000;

export class RespondDto {
  @ApiProperty({ enum: ['share', 'decline'] })
  @IsIn(['share', 'decline'])
  decision: 'share' | 'decline';

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: 36 },
    maxItems: MAX_RECORDING_IDS,
    description: 'Share only these of the offered recordings (omitted: all offered). Empty or not offered → 422; with a decline → 422',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_RECORDING_IDS)
  @IsUUID('all', { each: true })
  recordingIds?: string[];
}
