import { RECORDING_TRIGGERS } from '@app/cameras';
import { INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { CircleAreaDto, PolygonDto, type Area } from '@app/geo';
import { CONSENT_STATES, REQUEST_STATUSES, type ConsentState } from '@app/requests';
import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import type { ReceivedRequest } from '../consent.repository.js';
import { AGENCY_NAME, AREA, CAMERA_LABEL, CASE_NUMBER, DESCRIPTION, INCIDENT_TYPE, RECORDING_IDS } from './request-fields.js';

class AgencyRef {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(AGENCY_NAME) name: string;
}

class WindowResponse {
  @ApiProperty(INSTANT_PROPERTY) start: string;
  @ApiProperty(INSTANT_PROPERTY) end: string;
}

export class OfferedRecordingResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(UUID_PROPERTY) cameraId: string;
  @ApiProperty(CAMERA_LABEL) cameraLabel: string;
  @ApiProperty(INSTANT_PROPERTY) startedAt: string;
  @ApiProperty(INSTANT_PROPERTY) endedAt: string;
  @ApiProperty({ enum: RECORDING_TRIGGERS }) trigger: string;
}

class MyDecisionResponse {
  @ApiProperty({ enum: CONSENT_STATES, description: 'W3C DPV: requested, given, refused, expired, withdrawn' }) state: ConsentState;
  @ApiProperty({ ...UUID_PROPERTY, nullable: true, description: 'The receipt: GET /api/consents/:id/receipt' })
  consentId: string | null;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) decidedAt: string | null;
  @ApiProperty(RECORDING_IDS) sharedRecordingIds: string[];
}

/** A request as the owner it reached sees it: who asks, why, for when and where, and my answer. */
@ApiExtraModels(CircleAreaDto, PolygonDto)
export class ReceivedRequestResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ type: AgencyRef }) agency: AgencyRef;
  @ApiProperty(CASE_NUMBER) caseNumber: string;
  @ApiProperty(INCIDENT_TYPE) incidentType: string;
  @ApiProperty(DESCRIPTION) description: string;
  @ApiProperty({ type: WindowResponse }) window: WindowResponse;
  @ApiProperty(AREA) area: Area;
  @ApiProperty({ enum: ['private', 'public-post'] }) delivery: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty({ pattern: '^Neighbor #[0-9]+$', maxLength: 32, description: 'How the agency sees me if I share under a pseudonym policy, e.g. "Neighbor #3"' })
  shownToPoliceAs: string;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
  @ApiProperty(INSTANT_PROPERTY) expiresAt: string;
  @ApiProperty({ type: [OfferedRecordingResponse], description: 'My recordings overlapping the window' }) offeredRecordings: OfferedRecordingResponse[];
  @ApiProperty({ type: MyDecisionResponse }) decision: MyDecisionResponse;
}

export class ReceivedRequestPageResponse {
  @ApiProperty({ type: [ReceivedRequestResponse], maxItems: 100, description: 'Newest first; at most `limit`' }) items: ReceivedRequestResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
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
