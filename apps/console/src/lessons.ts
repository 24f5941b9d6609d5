import type { components } from './api.js';

export type Profile = components['schemas']['PolicyResponse']['profile'];
export type PaneRole = 'resident' | 'officer' | 'moderator' | 'admin';

/** A shipped simulator scenario as the build reads it (apps/sim/scenarios/*.yaml). */
export interface LessonScenario {
  name: string;
  title: string;
  question: string;
  policy: string;
}

/** One step of a live lesson: the policy it runs under, who is on screen, what to do, what to look at. */
export interface LessonStep {
  profile: Profile;
  panes: [PaneRole, PaneRole];
  todo: string;
  lookAt: string;
}

export interface Lesson extends LessonScenario {
  /** Empty for a lesson that only the simulator can show (a year of a town, not one request). */
  steps: LessonStep[];
}

const OFFICER_ASKS = 'As the officer, keep the circle on the named neighbours (north of the centre) and send the request for the last 6 hours.';

/** How each lesson is shown live in the console; the scenario itself is run by `npm run sim -- compare <name>`. */
export const LIVE_STEPS: Record<string, LessonStep[]> = {
  'opt-out-vs-opt-in': [
    {
      profile: 'ring-2019',
      panes: ['officer', 'resident'],
      todo: OFFICER_ASKS,
      lookAt: 'The request’s counts: owners notified, and those excluded with their reason. Alice gets the notification at once.',
    },
    {
      profile: 'privacy-by-design',
      panes: ['officer', 'resident'],
      todo: 'Switch to privacy-by-design and send the same request again.',
      lookAt: 'Notified falls to the owners who opted in; "never opted in" takes the rest. Alice is not asked.',
    },
  ],
  'who-sees-my-name': [
    {
      profile: 'ring-2019',
      panes: ['officer', 'resident'],
      todo: `${OFFICER_ASKS} As Alice, share one clip; as the officer, open the footage.`,
      lookAt: 'The officer sees “Neighbor #n”, and Alice’s receipt lists only “video”.',
    },
    {
      profile: 'ring-2021',
      panes: ['officer', 'resident'],
      todo: 'Switch to ring-2021, make a new request and share again.',
      lookAt: 'Now the officer sees Alice’s name, email and the camera’s place; the receipt says “identity”.',
    },
  ],
  'emergency-loophole': [
    {
      profile: 'ring-2019',
      panes: ['officer', 'moderator'],
      todo: `${OFFICER_ASKS} Then ask for an emergency override on it.`,
      lookAt: 'The platform grants it alone: the footage opens without any owner’s consent, and no moderator sees it.',
    },
    {
      profile: 'privacy-by-design',
      panes: ['officer', 'moderator'],
      todo: 'Switch to privacy-by-design and ask for the same override.',
      lookAt: 'It waits in the moderator’s queue; once approved, owners are told within 24 hours and it appears in the transparency report.',
    },
  ],
  'feed-bias': [
    {
      profile: 'ring-2019',
      panes: ['resident', 'moderator'],
      todo: 'As Alice, post to the neighbours’ feed as it is filled in: “A black man walking past the houses.”',
      lookAt: 'It is published at once; the feed shows it at an H3 cell, never at Alice’s address.',
    },
    {
      profile: 'privacy-by-design',
      panes: ['resident', 'moderator'],
      todo: 'Switch to privacy-by-design and post the same words.',
      lookAt: 'The post waits for the moderator: it describes a person by race alone. With a detail that singles one person out (a red hoodie) it goes through.',
    },
  ],
  'retention-lost-footage': [
    {
      profile: 'ring-2019',
      panes: ['officer', 'resident'],
      todo: `${OFFICER_ASKS} Then advance the sandbox clock a day at a time.`,
      lookAt: 'After 7 days the request expires; clips older than the owner’s retention are purged from Alice’s timeline.',
    },
  ],
};

/** Every shipped scenario as a lesson, the live ones first. */
export function lessonsFrom(scenarios: LessonScenario[]): Lesson[] {
  const lessons = scenarios.map((scenario) => ({ ...scenario, steps: LIVE_STEPS[scenario.name] ?? [] }));
  return [...lessons.filter((lesson) => lesson.steps.length > 0), ...lessons.filter((lesson) => lesson.steps.length === 0)];
}
