import { ApiProperty } from '@nestjs/swagger';
import type { AuditPage } from '../audit.service.js';
import type { AuditEventEntity } from '../entities/audit-event.entity.js';

export class AuditEventResponse {
  @ApiProperty({ example: 42, description: 'Position in the chain, 1, 2, 3 … without gaps' })
  seq: number;

  @ApiProperty({ format: 'date-time', example: '2025-01-02T03:04:05.678Z' })
  at: string;

  @ApiProperty({ example: 'user:6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a', description: '`user:<id>`, `system` or `anonymous`' })
  actor: string;

  @ApiProperty({ example: 'auth.login' })
  action: string;

  @ApiProperty({ example: 'user:6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a' })
  subject: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { ip: '203.0.113.7' } })
  data: Record<string, unknown>;

  @ApiProperty({ description: 'Hash of the previous event; 64 zeros for the first', example: '0'.repeat(64) })
  prevHash: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of every other field' })
  hash: string;

  static from(event: AuditEventEntity): AuditEventResponse {
    return {
      seq: event.seq,
      at: event.at.toISOString(),
      actor: event.actor,
      action: event.action,
      subject: event.subject,
      data: event.data,
      prevHash: event.prevHash,
      hash: event.hash,
    };
  }
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEventResponse], description: 'Newest first' })
  items: AuditEventResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last page' })
  nextCursor: string | null;

  static from(page: AuditPage): AuditPageResponse {
    return { items: page.items.map((event) => AuditEventResponse.from(event)), nextCursor: page.nextCursor };
  }
}
