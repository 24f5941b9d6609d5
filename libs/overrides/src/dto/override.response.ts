import { COUNT_PROPERTY, INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { CASE_NUMBER_MAX } from '@app/requests';
import { ApiProperty } from '@nestjs/swagger';
import { OVERRIDE_BASES, OVERRIDE_STATUSES, type OverrideBasis, type OverrideStatus } from '../domain/override.js';
import type { OverrideView } from '../overrides.repository.js';
import { JUSTIFICATION_MAX, MAX_CAMERA_IDS, WARRANT_REFERENCE_MAX } from './create-override.dto.js';
import { REASON_MAX } from './decide-override.dto.js';

class OverrideExcludedResponse {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Cameras chosen that encrypt end to end: the platform cannot open them, so no override can' })
  encrypted: number;
}

class OverrideCountsResponse {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners whose footage it reaches' }) owners: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: "Recordings in the request's window it reaches" }) recordings: number;
  @ApiProperty({ type: OverrideExcludedResponse }) excluded: OverrideExcludedResponse;
}

export class OverrideResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(UUID_PROPERTY) requestId: string;
  @ApiProperty(UUID_PROPERTY) agencyId: string;
  @ApiProperty({ maxLength: CASE_NUMBER_MAX }) caseNumber: string;
  @ApiProperty({ enum: OVERRIDE_BASES }) basis: OverrideBasis;
  @ApiProperty({ maxLength: JUSTIFICATION_MAX }) justification: string;
  @ApiProperty({ type: String, nullable: true, maxLength: WARRANT_REFERENCE_MAX }) warrantReference: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid', maxLength: 36 },
    maxItems: MAX_CAMERA_IDS,
    nullable: true,
    description: 'The cameras asked for; null: every camera in the area',
  })
  cameraIds: string[] | null;
  @ApiProperty({ enum: OVERRIDE_STATUSES }) status: OverrideStatus;
  @ApiProperty({ type: String, enum: ['system', 'moderator'], nullable: true, description: 'system: granted by the platform alone' })
  decidedBy: 'system' | 'moderator' | null;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: REASON_MAX }) reason: string | null;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
  @ApiProperty({ type: OverrideCountsResponse }) counts: OverrideCountsResponse;
}

export class OverridePageResponse {
  @ApiProperty({ type: [OverrideResponse], maxItems: 100, description: 'At most `limit`' }) items: OverrideResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
}

export const toOverrideResponse = (view: OverrideView): OverrideResponse => ({
  ...view,
  decidedAt: view.decidedAt?.toISOString() ?? null,
  createdAt: view.createdAt.toISOString(),
});
