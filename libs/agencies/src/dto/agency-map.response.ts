import { MultiPolygonDto } from '@app/geo';
import { ApiProperty } from '@nestjs/swagger';
import type { AgencyView } from '../agencies.repository.js';
import { AgencySummaryResponse, toAgencySummary } from './agency.response.js';

export class AgencyFeature {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: MultiPolygonDto, description: 'The jurisdiction' }) geometry: MultiPolygonDto;
  @ApiProperty({ type: AgencySummaryResponse }) properties: AgencySummaryResponse;
}

/** The Active Law Enforcement Map: a GeoJSON FeatureCollection any map library can draw. */
export class AgencyMapResponse {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [AgencyFeature] }) features: AgencyFeature[];
}

export const toAgencyMap = (agencies: AgencyView[]): AgencyMapResponse => ({
  type: 'FeatureCollection',
  features: agencies.map((agency) => ({ type: 'Feature', geometry: agency.jurisdiction, properties: toAgencySummary(agency) })),
});
