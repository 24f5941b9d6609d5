import { Omittable } from '@app/errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';

export const REASON_MAX = 2000;

export class DecideOverrideDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiProperty({ minLength: 1, maxLength: REASON_MAX, example: 'Warrant verified with the issuing court' })
  @IsString()
  @Length(1, REASON_MAX)
  reason: string;

  @ApiPropertyOptional({ description: 'The moderator checked the warrant; approving a warrant needs true (422 OVERRIDE_WARRANT_UNCHECKED)' })
  @Omittable()
  @IsBoolean()
  warrantChecked?: boolean;
}
