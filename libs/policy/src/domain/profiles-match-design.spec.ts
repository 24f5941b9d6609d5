import { describe, expect, it } from '@jest/globals';
import { PROFILES, type PolicyRules, type ProfileName } from './policy.js';

/**
 * DESIGN.md's policy table, row by row (and ring-2025 from the paragraph after it), as literal values: other tests take their expectations
 * from PROFILES, so only this one fails when a profile's number drifts from the contract.
 * Areas in m² (1 sq mi = 2,589,988.11 m²), durations in seconds.
 */
const HOUR = 3600;
const DAY = 86_400;

const ALL_KINDS = ['police', 'sheriff', 'fire', 'federal'];

type Row = [design: string, field: keyof PolicyRules, ring2019: unknown, ring2021: unknown, privacyByDesign: unknown, ring2025: unknown];

const TABLE: Row[] = [
  ['owners receive police requests by default', 'requestsDefault', 'opt-out', 'opt-out', 'opt-in', 'opt-out'],
  ['request delivery', 'requestDelivery', 'private', 'public-post', 'private', 'public-post'],
  ['time window: at most', 'maxWindowSeconds', 12 * HOUR, 12 * HOUR, 6 * HOUR, 12 * HOUR],
  ['time window: at least', 'minWindowSeconds', 0, 15 * 60, 15 * 60, 15 * 60],
  ['window must lie within the last', 'maxLookbackSeconds', 45 * DAY, 60 * DAY, 30 * DAY, 60 * DAY],
  ['request expires after', 'requestExpirySeconds', 7 * DAY, 7 * DAY, 3 * DAY, 30 * DAY],
  ['case / reference number required', 'caseNumberRequired', true, true, true, true],
  ['open requests per incident (case number)', 'maxOpenRequestsPerCase', null, 2, 1, 2],
  ['a request can be deleted', 'requestDeletion', 'allowed', 'resolve-only', 'resolve-only', 'resolve-only'],
  ['who police see when an owner shares', 'ownerShownAs', 'pseudonym', 'identity', 'pseudonym', 'name-and-email'],
  ['coverage map k-anonymity (null: no map)', 'coverageKAnonymity', 1, 3, 5, null],
  ['default recording retention', 'defaultRetentionDays', 60, 60, 30, 60],
  [
    'prohibited purposes',
    'prohibitedPurposes',
    [],
    ['protest', 'race-only-description'],
    ['protest', 'race-only-description', 'immigration'],
    ['protest', 'race-only-description'],
  ],
  ['emergency disclosure: who decides', 'emergencyDisclosure', 'platform-alone', 'moderator-approval', 'moderator-approval', 'moderator-approval'],
  ['emergency disclosure: owner notified within', 'emergencyOwnerNoticeSeconds', null, null, 24 * HOUR, null],
  ['emergency disclosure: in transparency report', 'emergencyInTransparencyReport', false, false, true, false],
  ['warrant path', 'warrantPath', true, true, true, true],
  ['platform staff may open footage', 'staffFootageAccess', 'logged', 'logged', 'reason-required', 'logged'],
  ['incident heat map: fewest posts a cell shows (null: none)', 'heatmapMinPosts', 1, 3, null, null],
  // Not rows of the table: ring-2025's paragraph introduces them; the three tabled profiles keep
  // what they did before it (every kind of partner agency requests, no review, no reminders,
  // notices in the inbox only, the agency sees every count).
  ['agency kinds that may request', 'eligibleAgencyKinds', ALL_KINDS, ALL_KINDS, ALL_KINDS, ['police', 'sheriff', 'fire']],
  ['review by a platform moderator before publication', 'requestReview', false, false, false, true],
  ['reminders to owners who have not answered', 'reminderOffsetsSeconds', [], [], [], [24 * HOUR, 72 * HOUR, 10 * DAY, 28 * DAY]],
  ['request notices also sent by', 'requestNoticeChannels', [], [], [], ['push', 'email']],
  ['the agency sees owners who ignore a request (as counts)', 'agencySeesUnanswered', true, true, true, false],
];

/** Area bounds are fractions of a square mile, so they are compared to the square metre. */
const AREA: [design: string, field: keyof PolicyRules, ring2019: number, ring2021: number, privacyByDesign: number, ring2025: number][] = [
  ['area: at most (0.5, 0.5, 0.1, 0.5 sq mi)', 'maxAreaSquareMeters', 1_294_994.06, 1_294_994.06, 258_998.81, 1_294_994.06],
  ['area: at least (none, 0.025, 0.025, 0.025 sq mi)', 'minAreaSquareMeters', 0, 64_749.7, 64_749.7, 64_749.7],
];

const COLUMNS: ProfileName[] = ['ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025'];

describe.each(COLUMNS.map((profile, column) => [profile, column] as const))('the %s profile, as DESIGN.md describes it', (profile, column) => {
  it.each(TABLE.map(([design, field, ...values]) => [design, field, values[column]] as const))('%s (%s)', (_design, field, expected) => {
    expect(PROFILES[profile][field]).toEqual(expected);
  });

  it.each(AREA.map(([design, field, ...values]) => [design, field, values[column]!] as const))('%s (%s)', (_design, field, expected) => {
    expect(PROFILES[profile][field]).toBeCloseTo(expected, 0);
  });

  it('has no rule the table above leaves out', () => {
    const covered = [...TABLE, ...AREA].map(([, field]) => field);
    expect(Object.keys(PROFILES[profile]).sort()).toEqual([...covered].sort());
  });
});

describe('the area row as DESIGN.md writes it', () => {
  it('says 0.5 sq mi is 1.295 km²', () => {
    expect(PROFILES['ring-2019'].maxAreaSquareMeters / 1e6).toBeCloseTo(1.295, 3);
  });
});
