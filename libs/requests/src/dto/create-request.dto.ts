import { INSTANT_MAX_LENGTH } from '@app/errors';
import { IsArea, type Area } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const zoneMessage = (field: string) => ({ message: `${field} must name its time zone (Z or ±hh:mm)` });
export const CASE_NUMBER_MAX = 64;
export const INCIDENT_TYPE_MAX = 64;
export const DESCRIPTION_MAX = 2000;

export class TimeWindowDto {
  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, example: '2030-01-01T08:00:00Z' })
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601(ISO)
  @Matches(WITH_ZONE, zoneMessage('window.start'))
  start: string;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, example: '2030-01-01T12:00:00Z', description: 'Not after now (422 WINDOW_IN_FUTURE)' })
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601(ISO)
  @Matches(WITH_ZONE, zoneMessage('window.end'))
  end: string;
}

export class CreateRequestDto {
  @ApiProperty({ example: '2030-001234', maxLength: CASE_NUMBER_MAX, description: 'Blank → 422 POLICY_CASE_NUMBER_REQUIRED where the policy requires one' })
  @IsString()
  @MaxLength(CASE_NUMBER_MAX)
  caseNumber: string;

  @ApiProperty({
    example: 'package-theft',
    minLength: 1,
    maxLength: INCIDENT_TYPE_MAX,
    description: 'Prohibited purposes (e.g. protest) → 422 POLICY_PROHIBITED_PURPOSE',
  })
  @IsString()
  @Length(1, INCIDENT_TYPE_MAX)
  incidentType: string;

  @ApiProperty({
    example: 'Package taken from a porch around noon',
    minLength: 1,
    maxLength: DESCRIPTION_MAX,
    description: 'A person described by race alone → 422 under ring-2021 and privacy-by-design',
  })
  @IsString()
  @Length(1, DESCRIPTION_MAX)
  description: string;

  @ApiProperty({ type: TimeWindowDto })
  @IsDefined()
  // ValidateNested alone takes an array as a list of windows to check one by one: [] would pass.
  @IsObject()
  @ValidateNested()
  @Type(() => TimeWindowDto)
  window: TimeWindowDto;

  @IsArea('The area asked: a circle {center, radiusMeters} or a GeoJSON Polygon; must touch the agency jurisdiction')
  area: Area;
}
