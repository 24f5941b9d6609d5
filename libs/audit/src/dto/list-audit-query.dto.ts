import { PageQueryDto } from '@app/database';
import { INSTANT_MAX_LENGTH } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'user:6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a', minLength: 1, maxLength: 200, description: 'Exact actor' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @ApiPropertyOptional({ example: 'auth.login_failed', minLength: 1, maxLength: 200, description: 'Exact action' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  action?: string;

  @ApiPropertyOptional({ example: 'user:6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a', minLength: 1, maxLength: 200, description: 'Exact subject' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, description: 'Events at or after this instant (ISO 8601)' })
  @IsOptional()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, description: 'Events before this instant (ISO 8601)' })
  @IsOptional()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;
}
