import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditVerifyResponse {
  @ApiProperty({ description: 'True when every event hashes right, links to the previous one and seq has no gap' })
  ok: boolean;

  @ApiProperty({ example: 1250, description: 'Events verified (on failure: the good ones before firstBadSeq)' })
  length: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Hash of the last event when ok; null for an empty log' })
  head?: string | null;

  @ApiPropertyOptional({ example: 17, description: 'When not ok: the first seq that is missing, altered or mislinked' })
  firstBadSeq?: number;
}
