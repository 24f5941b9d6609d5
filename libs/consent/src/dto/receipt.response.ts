import { INSTANT_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { PROFILE_NAMES, RETENTION_DAYS } from '@app/policy';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_CATEGORIES, type DataCategory } from '../domain/consent-receipt.js';
import { AGENCY_NAME, CASE_NUMBER, INCIDENT_TYPE, RECORDING_IDS } from './request-fields.js';

/** The deployment's PUBLIC_URL and paths under it. */
const URL = { format: 'uri', maxLength: 2048 } as const;

class ReceiptController {
  @ApiProperty({ maxLength: 120, example: 'Porchlight' }) name: string;
  @ApiProperty(URL) url: string;
}

class ReceiptRecipient {
  @ApiProperty(UUID_PROPERTY) agencyId: string;
  @ApiProperty(AGENCY_NAME) name: string;
}

class ReceiptPurpose {
  @ApiProperty(UUID_PROPERTY) requestId: string;
  @ApiProperty(INCIDENT_TYPE) incidentType: string;
  @ApiProperty(CASE_NUMBER) caseNumber: string;
}

class ReceiptRetention {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: RETENTION_DAYS.min,
    maximum: RETENTION_DAYS.max,
    description: 'Days the agency may keep what was shared',
  })
  days: number;
}

class ReceiptWithdrawal {
  @ApiProperty({ ...URL, description: 'POST here to withdraw' }) url: string;
}

class ReceiptPolicy {
  @ApiProperty({ enum: PROFILE_NAMES }) profile: string;
}

/** A consent receipt (fields modelled on ISO/IEC 27560), sealed with the SHA-256 of its canonical JSON. */
export class ConsentReceiptResponse {
  @ApiProperty({ ...UUID_PROPERTY, description: 'Also the consent id of /api/consents/:id' }) receiptId: string;
  @ApiProperty({ pattern: '^[0-9]+\\.[0-9]+$', maxLength: 16, example: '1.0' }) version: string;
  @ApiProperty(INSTANT_PROPERTY) timestamp: string;
  @ApiProperty({ pattern: '^principal-[0-9a-f]{24}$', maxLength: 34, description: 'The owner, pseudonymously' }) principal: string;
  @ApiProperty({ type: ReceiptController }) controller: ReceiptController;
  @ApiProperty({ type: ReceiptRecipient }) recipient: ReceiptRecipient;
  @ApiProperty({ type: ReceiptPurpose }) purpose: ReceiptPurpose;
  @ApiProperty({ enum: ['consent'] }) legalBasis: 'consent';
  @ApiProperty({ enum: ['share', 'decline'] }) decision: 'share' | 'decline';
  @ApiProperty({
    enum: DATA_CATEGORIES,
    isArray: true,
    maxItems: 2,
    uniqueItems: true,
    example: ['video'],
    description: "video; with contact police also see the owner's name and email; with identity name, email and address",
  })
  dataCategories: DataCategory[];
  @ApiProperty(RECORDING_IDS) recordingIds: string[];
  @ApiProperty({ type: ReceiptRetention }) retention: ReceiptRetention;
  @ApiProperty({ type: ReceiptWithdrawal, nullable: true, description: 'Null for a decline: nothing was given, so nothing can be withdrawn' })
  withdrawal: ReceiptWithdrawal | null;
  @ApiProperty({ type: ReceiptPolicy }) policy: ReceiptPolicy;
  @ApiPropertyOptional(INSTANT_PROPERTY) withdrawnAt?: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', maxLength: 64, description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of every other field' })
  hash: string;
}
