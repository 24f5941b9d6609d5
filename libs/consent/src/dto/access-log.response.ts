import { INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { OVERRIDE_BASES, type OverrideBasis } from '@app/overrides';
import { ApiProperty } from '@nestjs/swagger';
import type { AccessEntry } from '../access-log.service.js';
import { AGENCY_NAME, CASE_NUMBER, INCIDENT_TYPE, RECORDING_IDS } from './request-fields.js';
import { STAFF_REASON_MAX } from './staff-access.query.js';

class AccessAgency {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(AGENCY_NAME) name: string;
}

class AccessPurpose {
  @ApiProperty(UUID_PROPERTY) requestId: string;
  @ApiProperty(CASE_NUMBER) caseNumber: string;
  @ApiProperty(INCIDENT_TYPE) incidentType: string;
}

export class AccessEntryResponse {
  @ApiProperty(INSTANT_PROPERTY) at: string;
  @ApiProperty({ enum: ['agency', 'staff'] }) by: 'agency' | 'staff';
  @ApiProperty({ type: String, enum: ['consent', 'override'], nullable: true, description: "How the agency reached the footage; null for staff" })
  access: 'consent' | 'override' | null;
  @ApiProperty({ type: String, enum: OVERRIDE_BASES, nullable: true, description: "An override's basis (warrant or emergency)" })
  basis: OverrideBasis | null;
  @ApiProperty({ type: AccessAgency, nullable: true }) agency: AccessAgency | null;
  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^officer-[0-9a-f]{24}$',
    maxLength: 32,
    description: 'The officer, pseudonymously (the same officer, the same id)',
  })
  officer: string | null;
  @ApiProperty({ type: AccessPurpose, nullable: true }) purpose: AccessPurpose | null;
  @ApiProperty({ type: String, nullable: true, maxLength: STAFF_REASON_MAX, description: "Staff's stated reason" }) reason: string | null;
  @ApiProperty(RECORDING_IDS) recordingIds: string[];
}

export class AccessLogResponse {
  @ApiProperty({ type: [AccessEntryResponse], maxItems: 100, description: 'Newest first; at most `limit`' }) items: AccessEntryResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
}

export const toAccessEntryResponse = (entry: AccessEntry): AccessEntryResponse => ({ ...entry, at: entry.at.toISOString() });
