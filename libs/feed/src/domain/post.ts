export const POST_CATEGORIES = ['crime', 'safety', 'suspicious', 'lost-pet', 'unexpected-activity', 'community'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export const TITLE_MAX = 120;
export const BODY_MAX = 4000;
export const COMMENT_MAX = 2000;
/** Only published posts are in the feed; the others are seen by their author and moderators. */
export const POST_STATUSES = ['published', 'held', 'hidden', 'removed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const REPORT_REASONS = ['profiling', 'misinformation', 'harassment', 'private-info', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_NOTE_MAX = 500;

/** Documents `heldBecause`: a prohibited purpose's name, as the policy lists it. */
export const PROHIBITED_PURPOSE_PROPERTY = { type: String, maxLength: 64, example: 'race-only-description' } as const;
export const DECISION_REASON_MAX = 1000;

export const MODERATION_ACTIONS = ['keep', 'remove'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The feed's largest circle: a neighbourhood, not a city. */
export const FEED_RADIUS_MAX_METERS = 5000;

/**
 * Who wrote a post or comment, as everyone sees it: agency staff as their agency, with the badge;
 * a resident as the number they have in this thread only — never a name or email.
 */
export type Author = { kind: 'agency'; name: string; verified: true } | { kind: 'neighbor'; name: string; verified: false };

export function authorOf(agencyName: string | null, neighborNumber: number | null): Author {
  if (agencyName !== null) return { kind: 'agency', name: agencyName, verified: true };
  if (neighborNumber === null) throw new Error('a resident author has a neighbour number in the thread');
  return { kind: 'neighbor', name: `Neighbor #${neighborNumber}`, verified: false };
}

/**
 * Who may open a post that is not (or no longer) in the feed: its author and moderators. A
 * Request for Assistance whose request was deleted is gone like the request.
 */
export const mayOpen = (post: { status: PostStatus; authorId: string | null; requestStatus: string | null }, viewer: { id: string; role: string }): boolean =>
  viewer.role === 'moderator' || (post.requestStatus !== 'deleted' && (post.status === 'published' || post.authorId === viewer.id));

/** A Request for Assistance's title: what is asked, in the feed's words. */
export const requestTitle = (incidentType: string): string => `Request for assistance: ${incidentType}`.slice(0, TITLE_MAX);

/**
 * What a report does to a post: enough distinct reporters hide a published post until a moderator
 * decides; a post a moderator already kept stays up.
 */
export function statusAfterReport(post: { status: PostStatus; decided: boolean; reportCount: number }, hideAfterReports: number): PostStatus {
  return post.status === 'published' && !post.decided && post.reportCount >= hideAfterReports ? 'hidden' : post.status;
}
