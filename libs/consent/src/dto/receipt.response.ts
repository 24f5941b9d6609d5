import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ReceiptController {
  @ApiProperty() name: string;
  @ApiProperty() url: string;
}

class ReceiptRecipient {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() name: string;
}

class ReceiptPurpose {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() incidentType: string;
  @ApiProperty() caseNumber: string;
}

class ReceiptRetention {
  @ApiProperty({ description: 'Days the agency may keep what was shared' }) days: number;
}

class ReceiptWithdrawal {
  @ApiProperty({ description: 'POST here to withdraw' }) url: string;
}

class ReceiptPolicy {
  @ApiProperty() profile: string;
}

/** A consent receipt (fields modelled on ISO/IEC 27560), sealed with the SHA-256 of its canonical JSON. */
export class ConsentReceiptResponse {
  @ApiProperty({ format: 'uuid', description: 'Also the consent id of /api/consents/:id' }) receiptId: string;
  @ApiProperty() version: string;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty({ description: 'The owner, pseudonymously' }) principal: string;
  @ApiProperty({ type: ReceiptController }) controller: ReceiptController;
  @ApiProperty({ type: ReceiptRecipient }) recipient: ReceiptRecipient;
  @ApiProperty({ type: ReceiptPurpose }) purpose: ReceiptPurpose;
  @ApiProperty({ enum: ['consent'] }) legalBasis: 'consent';
  @ApiProperty({ enum: ['share', 'decline'] }) decision: 'share' | 'decline';
  @ApiProperty({ type: [String], example: ['video'] }) dataCategories: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) recordingIds: string[];
  @ApiProperty({ type: ReceiptRetention }) retention: ReceiptRetention;
  @ApiProperty({ type: ReceiptWithdrawal, nullable: true }) withdrawal: ReceiptWithdrawal | null;
  @ApiProperty({ type: ReceiptPolicy }) policy: ReceiptPolicy;
  @ApiPropertyOptional({ format: 'date-time' }) withdrawnAt?: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of every other field' }) hash: string;
}

