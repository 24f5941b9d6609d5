/** A request's life: open until closed, deleted (soft) or past its expiry. */
export const REQUEST_STATUSES = ['open', 'closed', 'expired', 'deleted'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What an agency may list and filter by: deleted requests are gone from its view. */
export const LISTED_STATUSES = ['open', 'closed', 'expired'] as const;
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
  notified: number;
  excluded: ExcludedCounts;
  shared: number;
  declined: number;
  pending: number;
}
