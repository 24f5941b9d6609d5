/**
 * Every rule of a policy as a typed field (DESIGN.md, "Policies"). Limits are in SI units:
 * metres², seconds; retention in days because owners choose it in days.
 */
export const PROFILE_NAMES = ['ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/**
 * What police see of an owner who shares: `Neighbor #n` only; name and email; or name, email and
 * address (the camera's place when shared stands for it).
 */
export const OWNER_SHOWN_AS = ['pseudonym', 'name-and-email', 'identity'] as const;
export type OwnerShownAs = (typeof OWNER_SHOWN_AS)[number];

/** Where a request's notice to owners also goes, besides the inbox and the live socket every notice reaches. */
export const REQUEST_NOTICE_CHANNELS = ['push', 'email'] as const;
export type RequestNoticeChannel = (typeof REQUEST_NOTICE_CHANNELS)[number];

export const PROHIBITED_PURPOSES = ['protest', 'race-only-description', 'immigration'] as const;
export type ProhibitedPurpose = (typeof PROHIBITED_PURPOSES)[number];

/**
 * The kinds of partner agency, as the eligibility rule names them. The agencies context keeps the
 * same list for its rows (a test holds the two equal); the rule cannot import it from a layer above.
 */
export const AGENCY_KIND_NAMES = ['police', 'sheriff', 'fire', 'federal'] as const;
export type AgencyKindName = (typeof AGENCY_KIND_NAMES)[number];

export interface PolicyRules {
  /** opt-out: owners who never chose receive police requests; opt-in: they do not. */
  requestsDefault: 'opt-out' | 'opt-in';
  /** private: only owners in the area see it; public-post: also a post in the feed. */
  requestDelivery: 'private' | 'public-post';
  /** A moderator approves each request before it reaches anyone (posted, owners asked). */
  requestReview: boolean;
  minAreaSquareMeters: number;
  maxAreaSquareMeters: number;
  minWindowSeconds: number;
  maxWindowSeconds: number;
  /** The window must lie within this long before now. */
  maxLookbackSeconds: number;
  requestExpirySeconds: number;
  caseNumberRequired: boolean;
  /** Open requests allowed per case number; null = unlimited. */
  maxOpenRequestsPerCase: number | null;
  requestDeletion: 'allowed' | 'resolve-only';
  /** What police see of an owner who shares. */
  ownerShownAs: OwnerShownAs;
  /** Coverage cells with fewer cameras are omitted; null = police get no coverage map at all. */
  coverageKAnonymity: number | null;
  /** Kinds of agency that may make footage requests (and so overrides of them). */
  eligibleAgencyKinds: AgencyKindName[];
  /** Retention for owners who never chose (they may pick 1–180 days). */
  defaultRetentionDays: number;
  prohibitedPurposes: ProhibitedPurpose[];
  emergencyDisclosure: 'platform-alone' | 'moderator-approval';
  /** After an approved emergency disclosure the owner is told within this long; null = never. */
  emergencyOwnerNoticeSeconds: number | null;
  emergencyInTransparencyReport: boolean;
  warrantPath: boolean;
  /** Platform staff opening footage: always logged; `reason-required` also shows it to the owner. */
  staffFootageAccess: 'logged' | 'reason-required';
  /** Incident heat map for agencies: cells with fewer posts are hidden; null = no heat map. */
  heatmapMinPosts: number | null;
  /** Owners who have not answered are reminded this long after the request opened; [] = never. */
  reminderOffsetsSeconds: number[];
  /** Channels a request's notices and reminders to owners also go through; [] = the inbox only. */
  requestNoticeChannels: RequestNoticeChannel[];
  /**
   * The agency sees how many owners its request asked and how many have not answered; false: an
   * owner who ignores a request leaves no trace the agency can see (only shares and declines).
   */
  agencySeesUnanswered: boolean;
}

export interface Policy extends PolicyRules {
  /** The shipped profile these rules started from (fields may have been changed since). */
  profile: ProfileName;
}

const SQUARE_MILE = 2_589_988.110336;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** One line per profile: where its rules come from, for lists and side-by-side tables. */
export const PROFILE_SUMMARIES: Record<ProfileName, string> = {
  'ring-2019': "Ring's Neighbors Portal as published in 2019: private requests to every owner in an area, owners shown by pseudonym",
  'ring-2021': "Ring's 2021 Requests for Assistance: public posts in the feed, smaller limits, owners who share named to police",
  'privacy-by-design': 'What privacy advocates asked for: opt-in, small areas and short windows, overrides told to owners and reported',
  'ring-2025':
    "Ring's 2025 Community Requests through Axon Evidence: reviewed before posting, reminders for 28 days, no federal agencies, no camera map",
};

/** Ring's 2021 rules; ring-2025 starts from them. */
const RING_2021: PolicyRules = {
  requestsDefault: 'opt-out',
  requestDelivery: 'public-post',
  requestReview: false,
  minAreaSquareMeters: 0.025 * SQUARE_MILE,
  maxAreaSquareMeters: 0.5 * SQUARE_MILE,
  minWindowSeconds: 15 * MINUTE,
  maxWindowSeconds: 12 * HOUR,
  maxLookbackSeconds: 60 * DAY,
  requestExpirySeconds: 7 * DAY,
  caseNumberRequired: true,
  maxOpenRequestsPerCase: 2,
  requestDeletion: 'resolve-only',
  ownerShownAs: 'identity',
  coverageKAnonymity: 3,
  eligibleAgencyKinds: [...AGENCY_KIND_NAMES],
  defaultRetentionDays: 60,
  prohibitedPurposes: ['protest', 'race-only-description'],
  emergencyDisclosure: 'moderator-approval',
  emergencyOwnerNoticeSeconds: null,
  emergencyInTransparencyReport: false,
  warrantPath: true,
  staffFootageAccess: 'logged',
  heatmapMinPosts: 3,
  reminderOffsetsSeconds: [],
  requestNoticeChannels: [],
  agencySeesUnanswered: true,
};

export const PROFILES: Record<ProfileName, PolicyRules> = {
  'ring-2019': {
    requestsDefault: 'opt-out',
    requestDelivery: 'private',
    requestReview: false,
    minAreaSquareMeters: 0,
    maxAreaSquareMeters: 0.5 * SQUARE_MILE,
    minWindowSeconds: 0,
    maxWindowSeconds: 12 * HOUR,
    maxLookbackSeconds: 45 * DAY,
    requestExpirySeconds: 7 * DAY,
    caseNumberRequired: true,
    maxOpenRequestsPerCase: null,
    requestDeletion: 'allowed',
    ownerShownAs: 'pseudonym',
    coverageKAnonymity: 1,
    eligibleAgencyKinds: [...AGENCY_KIND_NAMES],
    defaultRetentionDays: 60,
    prohibitedPurposes: [],
    emergencyDisclosure: 'platform-alone',
    emergencyOwnerNoticeSeconds: null,
    emergencyInTransparencyReport: false,
    warrantPath: true,
    staffFootageAccess: 'logged',
    heatmapMinPosts: 1,
    reminderOffsetsSeconds: [],
    requestNoticeChannels: [],
    agencySeesUnanswered: true,
  },
  'ring-2021': RING_2021,
  'privacy-by-design': {
    requestsDefault: 'opt-in',
    requestDelivery: 'private',
    requestReview: false,
    minAreaSquareMeters: 0.025 * SQUARE_MILE,
    maxAreaSquareMeters: 0.1 * SQUARE_MILE,
    minWindowSeconds: 15 * MINUTE,
    maxWindowSeconds: 6 * HOUR,
    maxLookbackSeconds: 30 * DAY,
    requestExpirySeconds: 3 * DAY,
    caseNumberRequired: true,
    maxOpenRequestsPerCase: 1,
    requestDeletion: 'resolve-only',
    ownerShownAs: 'pseudonym',
    coverageKAnonymity: 5,
    eligibleAgencyKinds: [...AGENCY_KIND_NAMES],
    defaultRetentionDays: 30,
    prohibitedPurposes: ['protest', 'race-only-description', 'immigration'],
    emergencyDisclosure: 'moderator-approval',
    emergencyOwnerNoticeSeconds: 24 * HOUR,
    emergencyInTransparencyReport: true,
    warrantPath: true,
    staffFootageAccess: 'reason-required',
    heatmapMinPosts: null,
    reminderOffsetsSeconds: [],
    requestNoticeChannels: [],
    agencySeesUnanswered: true,
  },
  /**
   * DESIGN.md's paragraph: ring-2021, except where Ring's 2025 Community Requests differ. Published
   * limits for area and window were not found; the 2021 ones apply.
   */
  'ring-2025': {
    ...RING_2021,
    requestReview: true,
    requestExpirySeconds: 30 * DAY,
    ownerShownAs: 'name-and-email',
    coverageKAnonymity: null,
    eligibleAgencyKinds: AGENCY_KIND_NAMES.filter((kind) => kind !== 'federal'),
    heatmapMinPosts: null,
    reminderOffsetsSeconds: [1 * DAY, 3 * DAY, 10 * DAY, 28 * DAY],
    requestNoticeChannels: ['push', 'email'],
    agencySeesUnanswered: false,
  },
};
