import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { COMMENT_MAX } from '../domain/post.js';

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX, example: 'Same on our street on Tuesday.' })
  @IsString()
  @Length(1, COMMENT_MAX)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;
}
