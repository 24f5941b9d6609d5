import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FOOTAGE_VIEWED, STAFF_VIEWED } from './consent.events.js';

export interface AccessEventRow {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  data: Record<string, unknown>;
  /** Set for agency views (agencies are never deleted: requests refer to them). */
  agency_name: string | null;
}

/**
 * Reads the audit log through audit's published view audit_entry for the looks at one owner's
 * footage: every agency view through consent, views through an override where the policy at its
 * approval tells owners, and staff views the policy of the moment said to show the owner.
 * Served by audit_event_subject_seq_idx.
 */
@Injectable()
export class AccessLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  page(ownerId: string, beforeSeq: number | undefined, limit: number): Promise<AccessEventRow[]> {
    return this.dataSource.query(
      `SELECT e.seq, e.at, e.actor, e.action, e.data, agency.name AS agency_name
       FROM audit_entry e
       LEFT JOIN agencies_directory agency ON e.action = $2 AND agency.id = (e.data->>'agencyId')::uuid
       WHERE e.subject = $1
         AND (e.action = $2 OR e.action = $3) AND COALESCE((e.data->>'shownToOwner')::boolean, e.action = $2)
         AND ($4::bigint IS NULL OR e.seq < $4::bigint)
       ORDER BY e.seq DESC
       LIMIT ${Number(limit)}`,
      [`user:${ownerId}`, FOOTAGE_VIEWED, STAFF_VIEWED, beforeSeq ?? null],
    );
  }
}
