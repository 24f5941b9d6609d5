import { AGENCY_ROLES, type AgencyRole } from '@app/auth';
import { RegisterDto } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CreateAgencyMemberDto extends RegisterDto {
  @ApiProperty({ enum: AGENCY_ROLES, example: 'officer' })
  @IsIn(AGENCY_ROLES)
  role: AgencyRole;
}
