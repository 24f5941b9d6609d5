/**
 * A request's life: open until closed, deleted (soft) or past its expiry. Where the policy asks
 * for review, it starts pending-review and opens on a moderator's approval, or is refused.
 */
export const REQUEST_STATUSES = ['pending-review', 'open', 'closed', 'expired', 'deleted', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What an agency may list and filter by: deleted requests are gone from its view. */
export const LISTED_STATUSES = ['pending-review', 'open', 'closed', 'expired', 'refused'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

/** W3C Data Privacy Vocabulary consent states of one recipient. */
export const CONSENT_STATES = ['requested', 'given', 'refused', 'expired', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Why an owner with a camera in the area was not asked (`outside-area` is everyone else). */
export interface ExcludedCounts {
  noRecordings: number;
  blocked: number;
  encrypted: number;
  optInNotGiven: number;
}

export interface RequestCounts {
  /** Null where the request's policy hides owners who ignore it from the agency (agencySeesUnanswered). */
  notified: number | null;
  excluded: ExcludedCounts;
  shared: number;
  declined: number;
  /** Null where notified is. */
  pending: number | null;
}

/** A moderator's review of a request, where the policy asked for one. */
export interface RequestReview {
  status: 'pending' | 'approved' | 'refused';
  reason: string | null;
  reviewedAt: Date | null;
}

/** The review a request's row records: none unless it was pending or reviewed. */
export function reviewOf(status: RequestStatus, reviewedAt: Date | null, reason: string | null): RequestReview | null {
  if (status === 'pending-review') return { status: 'pending', reason: null, reviewedAt: null };
  if (reviewedAt === null) return null;
  return { status: status === 'refused' ? 'refused' : 'approved', reason, reviewedAt };
}
