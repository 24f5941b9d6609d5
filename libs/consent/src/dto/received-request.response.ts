import type { Area } from '@app/geo';
import { CONSENT_STATES, type ConsentState } from '@app/requests';
import { ApiProperty } from '@nestjs/swagger';
import type { ReceivedRequest } from '../consent.repository.js';

class AgencyRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class WindowResponse {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

export class OfferedRecordingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cameraId: string;
  @ApiProperty() cameraLabel: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) endedAt: string;
  @ApiProperty() trigger: string;
}

class MyDecisionResponse {
  @ApiProperty({ enum: CONSENT_STATES, description: 'W3C DPV: requested, given, refused, expired, withdrawn' }) state: ConsentState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The receipt: GET /api/consents/:id/receipt' })
  consentId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) sharedRecordingIds: string[];
}

/** A request as the owner it reached sees it: who asks, why, for when and where, and my answer. */
export class ReceivedRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: AgencyRef }) agency: AgencyRef;
  @ApiProperty() caseNumber: string;
  @ApiProperty() incidentType: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: WindowResponse }) window: WindowResponse;
  @ApiProperty({ description: '{center, radiusMeters} or a GeoJSON Polygon' }) area: Area;
  @ApiProperty({ enum: ['private', 'public-post'] }) delivery: string;
  @ApiProperty({ enum: ['open', 'closed', 'expired', 'deleted'] }) status: string;
  @ApiProperty({ description: 'How the agency sees me if I share under a pseudonym policy, e.g. "Neighbor #3"' }) shownToPoliceAs: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: [OfferedRecordingResponse], description: 'My recordings overlapping the window' }) offeredRecordings: OfferedRecordingResponse[];
  @ApiProperty({ type: MyDecisionResponse }) decision: MyDecisionResponse;
}

export class ReceivedRequestPageResponse {
  @ApiProperty({ type: [ReceivedRequestResponse] }) items: ReceivedRequestResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const toReceivedRequestResponse = (request: ReceivedRequest): ReceivedRequestResponse => ({
  id: request.id,
  agency: request.agency,
  caseNumber: request.caseNumber,
  incidentType: request.incidentType,
  description: request.description,
  window: { start: request.windowStart.toISOString(), end: request.windowEnd.toISOString() },
  area: request.area,
  delivery: request.delivery,
  status: request.status,
  shownToPoliceAs: `Neighbor #${request.neighborNumber}`,
  createdAt: request.createdAt.toISOString(),
  expiresAt: request.expiresAt.toISOString(),
  offeredRecordings: request.offered.map((recording) => ({
    ...recording,
    startedAt: recording.startedAt.toISOString(),
    endedAt: recording.endedAt.toISOString(),
  })),
  decision: {
    state: request.consentState,
    consentId: request.consentId,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    sharedRecordingIds: request.sharedRecordingIds,
  },
});
