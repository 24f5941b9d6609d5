import { IsPolygonal, type PolygonalGeometry } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';
import type { AgencyInput } from '../agencies.service.js';
import { AGENCY_KINDS, type AgencyKind } from '../domain/agency.js';

export const NAME_MAX = 120;
export const CITY_MAX = 80;
export const STATE = { pattern: '^[A-Z]{2}$', maxLength: 2, example: 'IL' } as const;
export const ZIP = { pattern: '^[0-9]{5}$', maxLength: 5, example: '62701' } as const;
/** A calendar date, not an instant: a timestamp is refused (400). */
export const PARTNER_SINCE = { type: String, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, example: '2019-08-28' } as const;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateAgencyDto implements AgencyInput {
  @ApiProperty({ example: 'Springfield Police Department', minLength: 1, maxLength: NAME_MAX })
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS, example: 'police' })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiProperty({ example: 'Springfield', minLength: 1, maxLength: CITY_MAX })
  @Transform(trimmed)
  @IsString()
  @Length(1, CITY_MAX)
  city: string;

  @ApiProperty({ ...STATE, description: 'USPS state code; lower case is accepted' })
  @Transform(upperCase)
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be two letters' })
  state: string;

  @ApiProperty(ZIP)
  @IsString()
  @Matches(/^[0-9]{5}$/, { message: 'zip must be five digits' })
  zip: string;

  @IsPolygonal('Where the agency may police: a GeoJSON Polygon or MultiPolygon, closed rings, no self-intersection')
  jurisdiction: PolygonalGeometry;

  @ApiProperty(PARTNER_SINCE)
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'partnerSince must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'partnerSince must be a calendar date' })
  partnerSince: string;
}
