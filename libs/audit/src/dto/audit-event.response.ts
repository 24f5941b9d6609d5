import { INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, SEQUENCE_PROPERTY } from '@app/errors';
import { ApiProperty } from '@nestjs/swagger';
import type { AuditPage } from '../audit.service.js';
import type { AuditEventEntity } from '../entities/audit-event.entity.js';

/** What the api records as actor, action and subject: ids, fixed names, and at most an email. */
const NAME_MAX = 300;
const SHA256_HEX = { pattern: '^[0-9a-f]{64}$', maxLength: 64 } as const;

export class AuditEventResponse {
  @ApiProperty({ ...SEQUENCE_PROPERTY, example: 42, description: 'Position in the chain, 1, 2, 3 … without gaps' })
  seq: number;

  @ApiProperty({ ...INSTANT_PROPERTY, example: '2025-01-02T03:04:05.678Z' })
  at: string;

  @ApiProperty({ example: 'user:6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a', maxLength: NAME_MAX, description: '`user:<id>`, `system` or `anonymous`' })
  actor: string;

  @ApiProperty({ example: 'auth.login', maxLength: NAME_MAX })
  action: string;

  @ApiProperty({ example: 'user:6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a', maxLength: NAME_MAX })
  subject: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { ip: '203.0.113.7' } })
  data: Record<string, unknown>;

  @ApiProperty({ ...SHA256_HEX, description: 'Hash of the previous event; 64 zeros for the first', example: '0'.repeat(64) })
  prevHash: string;

  @ApiProperty({ ...SHA256_HEX, description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of every other field' })
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
  @ApiProperty({ type: [AuditEventResponse], maxItems: 200, description: 'Newest first; at most `limit`' })
  items: AuditEventResponse[];

  @ApiProperty(NEXT_CURSOR_PROPERTY)
  nextCursor: string | null;

  static from(page: AuditPage): AuditPageResponse {
    return { items: page.items.map((event) => AuditEventResponse.from(event)), nextCursor: page.nextCursor };
  }
}
