import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const STAFF_REASON_MAX = 500;

export class StaffAccessQueryDto {
  @ApiPropertyOptional({
    maxLength: STAFF_REASON_MAX,
    description: 'Why staff open it; required (422 POLICY_STAFF_REASON_REQUIRED) where the policy says so',
  })
  @IsOptional()
  @IsString()
  @MaxLength(STAFF_REASON_MAX)
  reason?: string;
}
