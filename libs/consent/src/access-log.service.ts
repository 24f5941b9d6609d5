import { decodeAuditCursor, encodeAuditCursor } from '@app/audit';
import type { AuthUser } from '@app/auth';
import { keysetPage, parseCursor } from '@app/database';
import { Injectable } from '@nestjs/common';
import { AccessLogRepository, type AccessEventRow } from './access-log.repository.js';
import { FOOTAGE_VIEWED } from './consent.events.js';
import { Pseudonyms } from './pseudonyms.js';
import type { OverrideBasis } from '@app/overrides';

/** One look at the owner's footage: who (agency and officer pseudonym, or staff), when, why, what. */
export interface AccessEntry {
  at: Date;
  by: 'agency' | 'staff';
  /** How the agency reached the footage: the owner's consent or an override (null for staff). */
  access: 'consent' | 'override' | null;
  /** An override's basis. */
  basis: OverrideBasis | null;
  agency: { id: string; name: string } | null;
  officer: string | null;
  purpose: { requestId: string; caseNumber: string; incidentType: string } | null;
  reason: string | null;
  recordingIds: string[];
}

export interface AccessPage {
  items: AccessEntry[];
  nextCursor: string | null;
}

const userIdOf = (actor: string): string => actor.replace(/^user:/, '');

@Injectable()
export class AccessLogService {
  constructor(
    private readonly log: AccessLogRepository,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  /** Newest first; `cursor` is the previous page's nextCursor. */
  async list(owner: AuthUser, limit: number, cursor?: string): Promise<AccessPage> {
    const rows = await this.log.page(owner.id, parseCursor(cursor, decodeAuditCursor), limit + 1);
    const page = keysetPage(rows, limit, (last) => encodeAuditCursor(Number(last.seq)));
    return { items: page.items.map((row) => this.toEntry(row)), nextCursor: page.nextCursor };
  }

  private toEntry(row: AccessEventRow): AccessEntry {
    const data = row.data as Record<string, string> & { recordingIds?: string[]; recordingId?: string; basis?: OverrideBasis };
    if (row.action === FOOTAGE_VIEWED) {
      return {
        at: row.at,
        by: 'agency',
        access: data.access === 'override' ? 'override' : 'consent',
        basis: data.basis ?? null,
        agency: { id: data.agencyId!, name: row.agency_name! },
        officer: this.pseudonyms.officer(userIdOf(row.actor)),
        purpose: { requestId: data.requestId!, caseNumber: data.caseNumber!, incidentType: data.incidentType! },
        reason: null,
        recordingIds: data.recordingIds ?? [],
      };
    }
    return {
      at: row.at,
      by: 'staff',
      access: null,
      basis: null,
      agency: null,
      officer: null,
      purpose: null,
      reason: data.reason ?? null,
      recordingIds: [data.recordingId!],
    };
  }
}
