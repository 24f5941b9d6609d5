import { IsPolygonal, type PolygonalGeometry } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';
import type { AgencyInput } from '../agencies.service.js';
import { AGENCY_KINDS, type AgencyKind } from '../domain/agency.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateAgencyDto implements AgencyInput {
  @ApiProperty({ example: 'Springfield Police Department', minLength: 1, maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS, example: 'police' })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiProperty({ example: 'Springfield', minLength: 1, maxLength: 80 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 80)
  city: string;

  @ApiProperty({ example: 'IL', pattern: '^[A-Z]{2}$', description: 'USPS state code; lower case is accepted' })
  @Transform(upperCase)
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be two letters' })
  state: string;

  @ApiProperty({ example: '62701', pattern: '^[0-9]{5}$' })
  @IsString()
  @Matches(/^[0-9]{5}$/, { message: 'zip must be five digits' })
  zip: string;

  @IsPolygonal('Where the agency may police: a GeoJSON Polygon or MultiPolygon, closed rings, no self-intersection')
  jurisdiction: PolygonalGeometry;

  @ApiProperty({ type: String, format: 'date', example: '2019-08-28' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'partnerSince must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'partnerSince must be a calendar date' })
  partnerSince: string;
}
