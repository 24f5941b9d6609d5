export const POST_CATEGORIES = ['crime', 'safety', 'suspicious', 'lost-pet', 'unexpected-activity', 'community'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export const TITLE_MAX = 120;
export const BODY_MAX = 4000;
export const COMMENT_MAX = 2000;
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
