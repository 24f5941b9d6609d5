import { COUNT_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { MultiPolygonDto } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import type { AgencyView } from '../agencies.repository.js';
import { AGENCY_KINDS, type AgencyKind } from '../domain/agency.js';
import { CITY_MAX, NAME_MAX, PARTNER_SINCE, STATE, ZIP } from './create-agency.dto.js';

export class AgencyStatsResponse {
  @ApiProperty({ ...COUNT_PROPERTY, example: 12, description: 'Accounts with the officer role in this agency' })
  officers: number;

  @ApiProperty({ ...COUNT_PROPERTY, example: 40, description: 'Footage requests the agency has made, deleted ones included' })
  requestsMade: number;

  @ApiProperty({ ...COUNT_PROPERTY, example: 1800, description: 'Owners its requests reached, counted once per request and owner' })
  ownersAsked: number;

  @ApiProperty({ ...COUNT_PROPERTY, example: 210, description: 'Owners who shared footage with it, including shares withdrawn later' })
  shares: number;
}

/** The public profile fields, shared by the profile and the map's feature properties. */
export class AgencySummaryResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ example: 'Springfield Police Department', maxLength: NAME_MAX }) name: string;
  @ApiProperty({ enum: AGENCY_KINDS, example: 'police' }) kind: AgencyKind;
  @ApiProperty({ example: 'Springfield', maxLength: CITY_MAX }) city: string;
  @ApiProperty(STATE) state: string;
  @ApiProperty(ZIP) zip: string;
  @ApiProperty(PARTNER_SINCE) partnerSince: string;
  @ApiProperty({ type: AgencyStatsResponse }) stats: AgencyStatsResponse;
}

export class AgencyResponse extends AgencySummaryResponse {
  @ApiProperty({ type: MultiPolygonDto, description: 'Always a MultiPolygon, whatever shape was sent' })
  jurisdiction: MultiPolygonDto;
}

export const toAgencySummary = (agency: AgencyView): AgencySummaryResponse => ({
  id: agency.id,
  name: agency.name,
  kind: agency.kind,
  city: agency.city,
  state: agency.state,
  zip: agency.zip,
  partnerSince: agency.partnerSince,
  stats: { ...agency.stats },
});

export const toAgencyResponse = (agency: AgencyView): AgencyResponse => ({
  ...toAgencySummary(agency),
  jurisdiction: agency.jurisdiction,
});
