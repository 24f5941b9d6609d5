import { ApiProperty } from '@nestjs/swagger';
import type { AccessEntry } from '../access-log.service.js';

class AccessAgency {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class AccessPurpose {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() incidentType: string;
}

export class AccessEntryResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['agency', 'staff'] }) by: 'agency' | 'staff';
  @ApiProperty({ type: AccessAgency, nullable: true }) agency: AccessAgency | null;
  @ApiProperty({ type: String, nullable: true, description: 'The officer, pseudonymously (the same officer, the same id)' }) officer: string | null;
  @ApiProperty({ type: AccessPurpose, nullable: true }) purpose: AccessPurpose | null;
  @ApiProperty({ type: String, nullable: true, description: "Staff's stated reason" }) reason: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) recordingIds: string[];
}

export class AccessLogResponse {
  @ApiProperty({ type: [AccessEntryResponse], description: 'Newest first' }) items: AccessEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const toAccessEntryResponse = (entry: AccessEntry): AccessEntryResponse => ({ ...entry, at: entry.at.toISOString() });
