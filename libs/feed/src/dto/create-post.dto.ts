import { Omittable } from '@app/errors';
import { LatLngDto } from '@app/geo';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsObject, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { BODY_MAX, POST_CATEGORIES, TITLE_MAX, type PostCategory } from '../domain/post.js';

export const MAX_ATTACHED_RECORDINGS = 20;
const NOT_BLANK = (field: string) => ({ message: `${field} must not be blank` });

export class CreatePostDto {
  @ApiProperty({ enum: POST_CATEGORIES })
  @IsIn(POST_CATEGORIES)
  category: PostCategory;

  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX, example: 'Package taken from a porch' })
  @IsString()
  @Length(1, TITLE_MAX)
  @Matches(/\S/, NOT_BLANK('title'))
  title: string;

  @ApiProperty({ minLength: 1, maxLength: BODY_MAX, example: 'Around 3 pm a parcel went missing from our steps.' })
  @IsString()
  @Length(1, BODY_MAX)
  @Matches(/\S/, NOT_BLANK('body'))
  body: string;

  @ApiProperty({ type: LatLngDto, description: 'Where it happened. Stored, never shown: every reader sees its H3 resolution-9 cell (invariant 7)' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LatLngDto)
  location: LatLngDto;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: 36 },
    minItems: 1,
    maxItems: MAX_ATTACHED_RECORDINGS,
    description:
      "Recordings of the author's own cameras (others' are 404 RECORDING_NOT_FOUND). The post says a video exists; " +
      'police reach the clip only through a footage request or an override: attaching is not consent.',
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ATTACHED_RECORDINGS)
  @IsUUID('all', { each: true })
  recordingIds?: string[];
}
