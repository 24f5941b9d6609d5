import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class StaffAccessQueryDto {
  @ApiPropertyOptional({ description: 'Why staff open it; required (422 POLICY_STAFF_REASON_REQUIRED) where the policy says so' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
