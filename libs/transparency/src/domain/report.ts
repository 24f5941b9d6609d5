/**
 * The public transparency report: per agency and in total, what police asked of owners and what
 * they got, over a period. Counts only — no user ids, names, emails or places.
 */
export interface OverrideCounts {
  requested: number;
  approved: number;
  refused: number;
}

export interface Figures {
  requests: { made: number; expired: number };
  owners: { asked: number; excluded: { noRecordings: number; blocked: number; encrypted: number; optInNotGiven: number } };
  answers: { shares: number; declines: number; withdrawals: number };
  /** Owners police saw by name: consents under identity disclosure, and owners reached by reported overrides that showed identity. */
  identitiesDisclosed: number;
  /** Only overrides the policy in force put in the report (warrants always), counted when asked for and when decided. */
  overrides: { warrant: OverrideCounts; emergency: OverrideCounts; ownersReached: number };
}

export interface AgencyFigures extends Figures {
  agency: { id: string; name: string; kind: string };
}

/** What belongs to no agency: platform staff opening footage, and the moderation of neighbours' posts. */
export interface PlatformFigures {
  staffFootageAccesses: number;
  /** Posts first reported for profiling (singling people out by race) in the period. */
  postsReportedForProfiling: number;
  /** Posts moderators removed in the period. */
  postsRemoved: number;
}

export interface Report {
  period: { from: Date; to: Date };
  agencies: AgencyFigures[];
  totals: Figures & PlatformFigures;
}

const zeroOverrides = (): OverrideCounts => ({ requested: 0, approved: 0, refused: 0 });

export const zeroFigures = (): Figures => ({
  requests: { made: 0, expired: 0 },
  owners: { asked: 0, excluded: { noRecordings: 0, blocked: 0, encrypted: 0, optInNotGiven: 0 } },
  answers: { shares: 0, declines: 0, withdrawals: 0 },
  identitiesDisclosed: 0,
  overrides: { warrant: zeroOverrides(), emergency: zeroOverrides(), ownersReached: 0 },
});

/** Adds `b` into `a`, field by field (every leaf is a count). */
function addInto(a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(b)) {
    if (typeof value === 'number') a[key] = (a[key] as number) + value;
    else addInto(a[key] as Record<string, unknown>, value as Record<string, unknown>);
  }
}

/** The totals are the agencies' sums, so the two can never disagree. */
export function totalOf(agencies: readonly Figures[]): Figures {
  const total = zeroFigures();
  for (const { requests, owners, answers, identitiesDisclosed, overrides } of agencies) {
    addInto(total as unknown as Record<string, unknown>, { requests, owners, answers, identitiesDisclosed, overrides });
  }
  return total;
}

/** The report as one table: a row per agency, then the totals; the platform's figures belong to no agency. */
export const CSV_COLUMNS = [
  'scope',
  'agency_id',
  'agency_name',
  'agency_kind',
  'requests_made',
  'requests_expired',
  'owners_asked',
  'owners_excluded_no_recordings',
  'owners_excluded_blocked',
  'owners_excluded_encrypted',
  'owners_excluded_opt_in_not_given',
  'shares',
  'declines',
  'withdrawals',
  'identities_disclosed',
  'warrant_overrides_requested',
  'warrant_overrides_approved',
  'warrant_overrides_refused',
  'emergency_overrides_requested',
  'emergency_overrides_approved',
  'emergency_overrides_refused',
  'owners_reached_by_overrides',
  'staff_footage_accesses',
  'posts_reported_for_profiling',
  'posts_removed',
] as const;

function figureCells(figures: Figures): number[] {
  const { requests, owners, answers, overrides } = figures;
  return [
    requests.made,
    requests.expired,
    owners.asked,
    owners.excluded.noRecordings,
    owners.excluded.blocked,
    owners.excluded.encrypted,
    owners.excluded.optInNotGiven,
    answers.shares,
    answers.declines,
    answers.withdrawals,
    figures.identitiesDisclosed,
    overrides.warrant.requested,
    overrides.warrant.approved,
    overrides.warrant.refused,
    overrides.emergency.requested,
    overrides.emergency.approved,
    overrides.emergency.refused,
    overrides.ownersReached,
  ];
}

export function csvRows(report: Report): (string | number)[][] {
  return [
    ...report.agencies.map(({ agency, ...figures }) => ['agency', agency.id, agency.name, agency.kind, ...figureCells(figures), '', '', '']),
    [
      'total',
      '',
      '',
      '',
      ...figureCells(report.totals),
      report.totals.staffFootageAccesses,
      report.totals.postsReportedForProfiling,
      report.totals.postsRemoved,
    ],
  ];
}
