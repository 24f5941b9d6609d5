import { Omittable } from '@app/errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { OVERRIDE_BASES, type OverrideBasis } from '../domain/override.js';

export const JUSTIFICATION_MAX = 2000;
export const WARRANT_REFERENCE_MAX = 128;
export const MAX_CAMERA_IDS = 1000;

export class CreateOverrideDto {
  @ApiProperty({ format: 'uuid', maxLength: 36, description: "One of the agency's requests: its area and window bound what the override reaches" })
  @IsUUID('all')
  requestId: string;

  @ApiProperty({ enum: OVERRIDE_BASES, description: 'warrant: always checked by a moderator; emergency: as the policy says' })
  @IsIn(OVERRIDE_BASES)
  basis: OverrideBasis;

  @ApiProperty({ minLength: 1, maxLength: JUSTIFICATION_MAX, example: 'Child missing since 14:00; last seen on this street' })
  @IsString()
  @Length(1, JUSTIFICATION_MAX)
  justification: string;

  @ApiPropertyOptional({ maxLength: WARRANT_REFERENCE_MAX, example: 'NY-SC-2031-0042', description: 'Required for a warrant (422 OVERRIDE_WARRANT_REFERENCE_REQUIRED)' })
  @Omittable()
  @IsString()
  @MaxLength(WARRANT_REFERENCE_MAX)
  warrantReference?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: 36 },
    minItems: 1,
    maxItems: MAX_CAMERA_IDS,
    description: "Only these cameras, each in the request's area (422 OVERRIDE_CAMERAS_OUTSIDE_AREA); omitted: all of them",
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAMERA_IDS)
  @IsUUID('all', { each: true })
  cameraIds?: string[];
}
