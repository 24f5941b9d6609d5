import type { RandomStream } from './random.js';

/** What a neighbour posts: whether it describes someone by race alone decides how the policy and the readers treat it. */
export interface PlannedPost {
  at: number;
  author: number;
  raceOnly: boolean;
  category: 'suspicious' | 'crime' | 'safety' | 'lost-pet' | 'community';
  title: string;
  body: string;
}

const DAY_MS = 86_400_000;

/** Posts that single no one out; and posts that describe a person by race alone (what screening and reports are about). */
const ORDINARY = [
  { category: 'crime', title: 'Package taken', body: 'A parcel was taken from our porch this afternoon.' },
  { category: 'safety', title: 'Streetlight out', body: 'The light at the corner has been out for two nights.' },
  { category: 'lost-pet', title: 'Lost cat', body: 'Grey cat with a blue collar, last seen near the park.' },
  { category: 'community', title: 'Yard sale Saturday', body: 'Yard sale from 9 to 1, everyone welcome.' },
  { category: 'suspicious', title: 'Car door handles', body: 'Someone in a green hoodie was trying car door handles on our street.' },
] as const;
const RACE_ONLY = [
  { category: 'suspicious', title: 'Suspicious people', body: 'Suspicious black teens walking around the block tonight.' },
  { category: 'suspicious', title: 'Watch out', body: 'Hispanic man looking into windows on our street.' },
] as const;

/**
 * The feed's posts over the run: a Poisson process at `perDay` posts, each by a household picked
 * at random, a `raceOnlyShare` of them describing someone by race alone (SIMULATOR.md, "Feed").
 */
export function planPosts(start: number, durationDays: number, households: number, feed: { postsPerThousandHouseholdsPerDay: number; raceOnlyShare: number }, stream: RandomStream): PlannedPost[] {
  const perDay = (feed.postsPerThousandHouseholdsPerDay * households) / 1000;
  if (perDay === 0) return [];
  const posts: PlannedPost[] = [];
  for (let day = stream.exponential(perDay); day < durationDays; day += stream.exponential(perDay)) {
    const raceOnly = stream.chance(feed.raceOnlyShare);
    const text = stream.pick<(typeof ORDINARY)[number] | (typeof RACE_ONLY)[number]>(raceOnly ? RACE_ONLY : ORDINARY);
    posts.push({ at: start + Math.round(day * DAY_MS / 60_000) * 60_000, author: stream.index(households), raceOnly, ...text });
  }
  return posts;
}
