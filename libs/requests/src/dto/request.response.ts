import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Area } from '@app/geo';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request.js';
import type { RequestView } from '../requests.repository.js';
import { TimeWindowDto } from './create-request.dto.js';

export class ExcludedCountsResponse {
  @ApiProperty({ description: 'Owners in the area who receive requests but have no recording in the window' }) noRecordings: number;
  @ApiProperty({ description: 'Owners in the area who chose to block police requests' }) blocked: number;
  @ApiProperty({ description: 'Owners in the area who encrypt end to end' }) encrypted: number;
  @ApiProperty({ description: 'Owners in the area who never chose, under an opt-in policy' }) optInNotGiven: number;
}

export class RequestCountsResponse {
  @ApiProperty({ description: 'Owners asked' }) notified: number;
  @ApiProperty({ type: ExcludedCountsResponse }) excluded: ExcludedCountsResponse;
  @ApiProperty() shared: number;
  @ApiProperty() declined: number;
  @ApiProperty({ description: 'Owners asked who have not answered' }) pending: number;
}

/** What the requesting agency sees of its request: counts only, never who was asked. */
export class RequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty() caseNumber: string;
  @ApiProperty() incidentType: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: TimeWindowDto }) window: TimeWindowDto;
  @ApiProperty({ description: 'As sent: {center, radiusMeters} or a GeoJSON Polygon' }) area: Area;
  @ApiProperty() areaSquareMeters: number;
  @ApiProperty({ description: 'The policy profile in force when the request was made' }) policyProfile: string;
  @ApiProperty({ enum: ['private', 'public-post'] }) delivery: string;
  @ApiProperty({ type: RequestCountsResponse }) counts: RequestCountsResponse;
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class RequestPageResponse {
  @ApiProperty({ type: [RequestResponse] }) items: RequestResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const toRequestResponse = (request: RequestView): RequestResponse => ({
  id: request.id,
  status: request.status,
  caseNumber: request.caseNumber,
  incidentType: request.incidentType,
  description: request.description,
  window: { start: request.windowStart.toISOString(), end: request.windowEnd.toISOString() },
  area: request.area,
  areaSquareMeters: request.areaSquareMeters,
  policyProfile: request.policyProfile,
  delivery: request.delivery,
  counts: request.counts,
  officerId: request.officerId,
  createdAt: request.createdAt.toISOString(),
  expiresAt: request.expiresAt.toISOString(),
  closedAt: request.closedAt?.toISOString() ?? null,
});
