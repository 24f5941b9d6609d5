import { RETENTION_DAYS, type PoliceRequestsChoice } from '@app/policy';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';

const CHOICES = ['receive', 'block'] as const;
const given = (_object: object, value: unknown) => value !== undefined;
const chosen = (_object: object, value: unknown) => value !== undefined && value !== null;

/** A partial change: fields left out stay as they are; null goes back to the policy default. */
export class UpdatePrivacyDto {
  @ApiPropertyOptional({
    enum: CHOICES,
    nullable: true,
    description: 'Whether police requests reach you; null: follow the active policy (opt-out → receive, opt-in → block)',
  })
  @ValidateIf(chosen)
  @IsIn(CHOICES)
  policeRequests?: PoliceRequestsChoice | null;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: RETENTION_DAYS.min,
    maximum: RETENTION_DAYS.max,
    nullable: true,
    description: 'Days your recordings are kept; null: the active policy’s default',
  })
  @ValidateIf(chosen)
  @IsInt()
  @Min(RETENTION_DAYS.min)
  @Max(RETENTION_DAYS.max)
  retentionDays?: number | null;

  @ApiPropertyOptional({ description: 'End-to-end encrypted cameras are never counted on the coverage map nor asked by police' })
  @ValidateIf(given)
  @IsBoolean()
  endToEndEncryption?: boolean;
}

export class PrivacyResponse {
  @ApiProperty({ enum: CHOICES, description: 'In effect now: your choice, or the active policy’s default' })
  policeRequests: PoliceRequestsChoice;
  @ApiProperty({ description: 'true: you never chose, so a policy switch can change policeRequests' })
  policeRequestsIsDefault: boolean;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: RETENTION_DAYS.min, maximum: RETENTION_DAYS.max, description: 'In effect now' })
  retentionDays: number;
  @ApiProperty({ description: 'true: you never chose, so retentionDays follows the active policy' })
  retentionDaysIsDefault: boolean;
  @ApiProperty() endToEndEncryption: boolean;
}
