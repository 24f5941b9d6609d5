import { COUNT_PROPERTY, INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { CircleAreaDto, PolygonDto, type Area } from '@app/geo';
import { PROFILE_NAMES } from '@app/policy';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request.js';
import type { RequestView } from '../requests.repository.js';
import { CASE_NUMBER_MAX, DESCRIPTION_MAX, INCIDENT_TYPE_MAX, TimeWindowDto } from './create-request.dto.js';

export class ExcludedCountsResponse {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners in the area who receive requests but have no recording in the window' }) noRecordings: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners in the area who chose to block police requests' }) blocked: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners in the area who encrypt end to end' }) encrypted: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners in the area who never chose, under an opt-in policy' }) optInNotGiven: number;
}

export class RequestCountsResponse {
  @ApiProperty({ ...COUNT_PROPERTY, nullable: true, description: 'Owners asked; null where the policy leaves no trace of owners who ignore a request' })
  notified: number | null;
  @ApiProperty({ type: ExcludedCountsResponse }) excluded: ExcludedCountsResponse;
  @ApiProperty(COUNT_PROPERTY) shared: number;
  @ApiProperty(COUNT_PROPERTY) declined: number;
  @ApiProperty({ ...COUNT_PROPERTY, nullable: true, description: 'Owners asked who have not answered; null where notified is' })
  pending: number | null;
}

/** An area as the request was made with it: the same two shapes the request body takes. */
export const AREA_PROPERTY = {
  oneOf: [{ $ref: getSchemaPath(CircleAreaDto) }, { $ref: getSchemaPath(PolygonDto) }],
  description: 'As sent: {center, radiusMeters} or a GeoJSON Polygon',
};

export const REVIEW_REASON_MAX = 2000;

/** A moderator's review, where the policy asks for one before a request reaches anyone. */
export class RequestReviewResponse {
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] }) status: 'pending' | 'approved' | 'refused';
  @ApiProperty({ type: String, maxLength: REVIEW_REASON_MAX, nullable: true, description: "The moderator's reason (a refused request's officer reads it here)" })
  reason: string | null;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) reviewedAt: string | null;
}

/** What the requesting agency sees of its request: counts only, never who was asked. */
@ApiExtraModels(CircleAreaDto, PolygonDto)
export class RequestResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ maxLength: CASE_NUMBER_MAX }) caseNumber: string;
  @ApiProperty({ maxLength: INCIDENT_TYPE_MAX }) incidentType: string;
  @ApiProperty({ maxLength: DESCRIPTION_MAX }) description: string;
  @ApiProperty({ type: TimeWindowDto }) window: TimeWindowDto;
  @ApiProperty(AREA_PROPERTY) area: Area;
  @ApiProperty({ type: 'number', format: 'double', minimum: 0 }) areaSquareMeters: number;
  @ApiProperty({ enum: PROFILE_NAMES, description: 'The policy profile in force when the request was made' }) policyProfile: string;
  @ApiProperty({ enum: ['private', 'public-post'] }) delivery: string;
  @ApiProperty({ type: RequestCountsResponse }) counts: RequestCountsResponse;
  @ApiProperty(UUID_PROPERTY) officerId: string;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
  @ApiProperty(INSTANT_PROPERTY) expiresAt: string;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) closedAt: string | null;
  @ApiProperty({
    type: RequestReviewResponse,
    nullable: true,
    description: 'Where the policy asked a moderator first (requestReview): pending, approved or refused; else null',
  })
  review: RequestReviewResponse | null;
}

export class RequestPageResponse {
  @ApiProperty({ type: [RequestResponse], maxItems: 100, description: 'Newest first; at most `limit`' }) items: RequestResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
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
  review: request.review && { ...request.review, reviewedAt: request.review.reviewedAt?.toISOString() ?? null },
});
