import { INSTANT_MAX_LENGTH } from '@app/errors';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches, MaxLength } from 'class-validator';
import { RECORDING_TRIGGERS, type RecordingTrigger } from '../domain/recording-rules.js';

const ISO = { strict: true, strictSeparator: true };
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const zoneMessage = (field: string) => ({ message: `${field} must name its time zone (Z or ±hh:mm)` });

export class CreateRecordingDto {
  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, example: '2030-01-01T09:00:00Z' })
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601(ISO)
  @Matches(WITH_ZONE, zoneMessage('startedAt'))
  startedAt: string;

  @ApiProperty({
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    example: '2030-01-01T09:00:30Z',
    description:
      'After startedAt (else 400 RECORDING_ENDS_BEFORE_START), at most 1 h after it (else 422 RECORDING_TOO_LONG), ' +
      'not after the current (sandbox) time (else 422 RECORDING_IN_FUTURE)',
  })
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601(ISO)
  @Matches(WITH_ZONE, zoneMessage('endedAt'))
  endedAt: string;

  @ApiProperty({ enum: RECORDING_TRIGGERS, example: 'motion' })
  @IsIn(RECORDING_TRIGGERS)
  trigger: RecordingTrigger;
}
