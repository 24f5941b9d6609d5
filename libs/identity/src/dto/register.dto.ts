import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** RFC 5321's limit for a forward path. */
export const EMAIL_MAX = 254;
export const DISPLAY_NAME_MAX = 80;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ann@example.org', description: 'Unique, compared case-insensitively', maxLength: EMAIL_MAX })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @ApiProperty({ example: 'correct horse battery', format: 'password', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @ApiProperty({ example: 'Ann', minLength: 1, maxLength: DISPLAY_NAME_MAX, description: 'Trimmed' })
  @Transform(trimmed)
  @IsString()
  @Length(1, DISPLAY_NAME_MAX)
  displayName: string;
}
