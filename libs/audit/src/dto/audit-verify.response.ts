import { SEQUENCE_PROPERTY } from '@app/errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditVerifyResponse {
  @ApiProperty({ description: 'True when every event hashes right, links to the previous one and seq has no gap' })
  ok: boolean;

  @ApiProperty({ ...SEQUENCE_PROPERTY, minimum: 0, example: 1250, description: 'Events verified (on failure: the good ones before firstBadSeq)' })
  length: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^[0-9a-f]{64}$',
    maxLength: 64,
    description: 'Hash of the last event when ok; null for an empty log',
  })
  head?: string | null;

  @ApiPropertyOptional({ ...SEQUENCE_PROPERTY, example: 17, description: 'When not ok: the first seq that is missing, altered or mislinked' })
  firstBadSeq?: number;
}
