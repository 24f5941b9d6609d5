import { Omittable } from '@app/errors';
import { LatLngDto } from '@app/geo';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, Length, Matches, ValidateNested } from 'class-validator';

export const LABEL_MAX = 80;
const LABEL = { minLength: 1, maxLength: LABEL_MAX, example: 'Front porch' };
const NOT_BLANK = { message: 'label must not be blank' };

export class CreateCameraDto {
  @ApiProperty(LABEL)
  @IsString()
  @Length(1, LABEL_MAX)
  @Matches(/\S/, NOT_BLANK)
  label: string;

  @ApiProperty({ type: LatLngDto, description: 'Where the camera is; police never see it (only its H3 cell, k-anonymously)' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LatLngDto)
  location: LatLngDto;
}

/** At least one field (checked by the service). */
export class UpdateCameraDto {
  @ApiPropertyOptional(LABEL)
  @Omittable()
  @IsString()
  @Length(1, LABEL_MAX)
  @Matches(/\S/, NOT_BLANK)
  label?: string;

  @ApiPropertyOptional({ type: LatLngDto, description: 'Moving a camera moves it to the new H3 cell too' })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LatLngDto)
  location?: LatLngDto;
}
