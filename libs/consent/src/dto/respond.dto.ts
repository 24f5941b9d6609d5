import { Omittable } from '@app/errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUUID } from 'class-validator';

export class RespondDto {
  @ApiProperty({ enum: ['share', 'decline'] })
  @IsIn(['share', 'decline'])
  decision: 'share' | 'decline';

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Share only these of the offered recordings (omitted: all offered). Empty or not offered → 422; with a decline → 422',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  recordingIds?: string[];
}
