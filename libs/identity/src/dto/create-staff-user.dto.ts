import { STAFF_ROLES, type StaffRole } from '@app/auth';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RegisterDto } from './register.dto.js';

export class CreateStaffUserDto extends RegisterDto {
  @ApiProperty({ enum: STAFF_ROLES, example: 'moderator', description: 'Agency staff are created under their agency' })
  @IsIn(STAFF_ROLES)
  role: StaffRole;
}
