import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Length, Matches } from 'class-validator';
import { REVIEW_REASON_MAX } from './request.response.js';

export class DecideRequestDto {
  @ApiProperty({ description: 'true: the request opens (owners asked, posted where its delivery says); false: it reaches nobody' })
  @IsBoolean()
  approve: boolean;

  @ApiProperty({ minLength: 1, maxLength: REVIEW_REASON_MAX, example: 'Case number and area check out' })
  @IsString()
  @Length(1, REVIEW_REASON_MAX)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
