import { EMAIL_MAX } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class SandboxSignInDto {
  @ApiProperty({ example: 'alice@porchlight.local', maxLength: EMAIL_MAX, description: 'Any account of the current world, in any letter case' })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;
}
