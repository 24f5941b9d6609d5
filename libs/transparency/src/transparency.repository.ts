import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgencyFigures } from './domain/report.js';

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  requests_made: number;
  requests_expired: number;
  owners_asked: number;
  no_recordings: number;
  blocked: number;
  encrypted: number;
  opt_in_not_given: number;
  shares: number;
  declines: number;
  withdrawals: number;
  identities: number;
  warrant_requested: number;
  warrant_approved: number;
  warrant_refused: number;
  emergency_requested: number;
  emergency_approved: number;
  emergency_refused: number;
  owners_reached: number;
}

const IN_PERIOD = (column: string) => `(${column} >= $1::timestamptz AND ${column} < $2::timestamptz)`;

/**
 * One aggregate per source, each grouped by agency, joined onto every agency. Each figure counts
 * what happened in the period: requests made (with the owners they asked and could not ask, as
 * each request counted them when it was made: a sum over requests, not a join with recipients),
 * requests that expired, answers given and withdrawn, overrides asked for and decided. Read
 * through the views their owners publish (requests, consent, overrides, agencies).
 */
const AGENCY_FIGURES = `
  WITH made AS (
    SELECT agency_id, count(*)::int AS requests_made, sum(owners_asked)::int AS owners_asked,
           sum(excluded_no_recordings)::int AS no_recordings, sum(excluded_blocked)::int AS blocked,
           sum(excluded_encrypted)::int AS encrypted, sum(excluded_opt_in_not_given)::int AS opt_in_not_given
    FROM requests_request WHERE ${IN_PERIOD('created_at')} GROUP BY agency_id
  ),
  expired AS (
    SELECT agency_id, count(*)::int AS requests_expired
    FROM requests_request WHERE status = 'expired' AND ${IN_PERIOD('closed_at')} GROUP BY agency_id
  ),
  answers AS (
    SELECT r.agency_id,
           count(*) FILTER (WHERE c.decision = 'share' AND ${IN_PERIOD('c.created_at')})::int AS shares,
           count(*) FILTER (WHERE c.decision = 'decline' AND ${IN_PERIOD('c.created_at')})::int AS declines,
           count(*) FILTER (WHERE ${IN_PERIOD('c.withdrawn_at')})::int AS withdrawals,
           count(*) FILTER (WHERE c.decision = 'share' AND c.identity_disclosed AND ${IN_PERIOD('c.created_at')})::int AS identities
    FROM consent_decision c JOIN requests_request r ON r.id = c.request_id
    WHERE ${IN_PERIOD('c.created_at')} OR ${IN_PERIOD('c.withdrawn_at')}
    GROUP BY r.agency_id
  ),
  overrides_asked AS (
    SELECT agency_id,
           count(*) FILTER (WHERE basis = 'warrant')::int AS warrant_requested,
           count(*) FILTER (WHERE basis = 'emergency')::int AS emergency_requested
    FROM overrides_report WHERE reported_when_requested AND ${IN_PERIOD('created_at')} GROUP BY agency_id
  ),
  overrides_decided AS (
    SELECT agency_id,
           count(*) FILTER (WHERE basis = 'warrant' AND status = 'approved')::int AS warrant_approved,
           count(*) FILTER (WHERE basis = 'warrant' AND status = 'refused')::int AS warrant_refused,
           count(*) FILTER (WHERE basis = 'emergency' AND status = 'approved')::int AS emergency_approved,
           count(*) FILTER (WHERE basis = 'emergency' AND status = 'refused')::int AS emergency_refused,
           COALESCE(sum(owners_reached) FILTER (WHERE status = 'approved'), 0)::int AS owners_reached,
           COALESCE(sum(owners_reached) FILTER (WHERE status = 'approved' AND shown_as <> 'pseudonym'), 0)::int AS identities
    FROM overrides_report WHERE in_transparency_report AND ${IN_PERIOD('decided_at')} GROUP BY agency_id
  )
  SELECT a.id, a.name, a.kind,
         COALESCE(made.requests_made, 0) AS requests_made, COALESCE(expired.requests_expired, 0) AS requests_expired,
         COALESCE(made.owners_asked, 0) AS owners_asked,
         COALESCE(made.no_recordings, 0) AS no_recordings, COALESCE(made.blocked, 0) AS blocked,
         COALESCE(made.encrypted, 0) AS encrypted, COALESCE(made.opt_in_not_given, 0) AS opt_in_not_given,
         COALESCE(answers.shares, 0) AS shares, COALESCE(answers.declines, 0) AS declines,
         COALESCE(answers.withdrawals, 0) AS withdrawals,
         COALESCE(answers.identities, 0) + COALESCE(overrides_decided.identities, 0) AS identities,
         COALESCE(overrides_asked.warrant_requested, 0) AS warrant_requested,
         COALESCE(overrides_decided.warrant_approved, 0) AS warrant_approved,
         COALESCE(overrides_decided.warrant_refused, 0) AS warrant_refused,
         COALESCE(overrides_asked.emergency_requested, 0) AS emergency_requested,
         COALESCE(overrides_decided.emergency_approved, 0) AS emergency_approved,
         COALESCE(overrides_decided.emergency_refused, 0) AS emergency_refused,
         COALESCE(overrides_decided.owners_reached, 0) AS owners_reached
  FROM agencies_directory a
  LEFT JOIN made ON made.agency_id = a.id
  LEFT JOIN expired ON expired.agency_id = a.id
  LEFT JOIN answers ON answers.agency_id = a.id
  LEFT JOIN overrides_asked ON overrides_asked.agency_id = a.id
  LEFT JOIN overrides_decided ON overrides_decided.agency_id = a.id
  ORDER BY a.name, a.id`;

const toFigures = (row: AgencyRow): AgencyFigures => ({
  agency: { id: row.id, name: row.name, kind: row.kind },
  requests: { made: row.requests_made, expired: row.requests_expired },
  owners: {
    asked: row.owners_asked,
    excluded: { noRecordings: row.no_recordings, blocked: row.blocked, encrypted: row.encrypted, optInNotGiven: row.opt_in_not_given },
  },
  answers: { shares: row.shares, declines: row.declines, withdrawals: row.withdrawals },
  identitiesDisclosed: row.identities,
  overrides: {
    warrant: { requested: row.warrant_requested, approved: row.warrant_approved, refused: row.warrant_refused },
    emergency: { requested: row.emergency_requested, approved: row.emergency_approved, refused: row.emergency_refused },
    ownersReached: row.owners_reached,
  },
});

@Injectable()
export class TransparencyRepository {
  async agencyFigures(manager: EntityManager, from: Date, to: Date): Promise<AgencyFigures[]> {
    const rows: AgencyRow[] = await manager.query(AGENCY_FIGURES, [from, to]);
    return rows.map(toFigures);
  }

  /** Platform staff opening residents' footage: from the audit log, as no agency did it. */
  async staffFootageAccesses(manager: EntityManager, from: Date, to: Date, action: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS count FROM audit_entry WHERE action = $3 AND ${IN_PERIOD('at')}`, [
      from,
      to,
      action,
    ]);
    return row.count;
  }

  /** The moderation of neighbours' posts, through the view feed publishes. */
  async feedModeration(manager: EntityManager, from: Date, to: Date): Promise<{ postsReportedForProfiling: number; postsRemoved: number }> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE ${IN_PERIOD('first_profiling_report_at')})::int AS "postsReportedForProfiling",
              count(*) FILTER (WHERE decision = 'remove' AND ${IN_PERIOD('decided_at')})::int AS "postsRemoved"
       FROM feed_post_review
       WHERE ${IN_PERIOD('first_profiling_report_at')} OR ${IN_PERIOD('decided_at')}`,
      [from, to],
    );
    return row;
  }
}
