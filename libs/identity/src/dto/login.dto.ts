import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { EMAIL_MAX, PASSWORD_MAX } from './register.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'ann@example.org', maxLength: EMAIL_MAX })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @ApiProperty({ example: 'correct horse battery', format: 'password', minLength: 1, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(1, PASSWORD_MAX)
  password: string;
}
