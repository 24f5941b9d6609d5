import { describe, expect, it } from '@jest/globals';
import { RULE_FIELD_NAMES } from './policy-fields.js';
import { PROFILE_NAMES, PROFILES } from './policy.js';
import { policyProblems, resolvePolicy } from './resolve-policy.js';

const fieldsOf = (problems: { field: string }[]): string[] => problems.map(({ field }) => field);

describe('shipped profiles', () => {
  it.each(PROFILE_NAMES)('%s sets every rule field and passes its own validation', (name) => {
    expect(Object.keys(PROFILES[name]).sort()).toEqual([...RULE_FIELD_NAMES].sort());
    expect(policyProblems(name, {})).toEqual([]);
  });
});

describe('resolving a profile with changed fields', () => {
  it('takes the changed fields and keeps every other rule of the profile', () => {
    const policy = resolvePolicy('ring-2021', { coverageKAnonymity: 7, maxOpenRequestsPerCase: null });
    expect(policy).toEqual({ ...PROFILES['ring-2021'], profile: 'ring-2021', coverageKAnonymity: 7, maxOpenRequestsPerCase: null });
  });

  it('does not change the shipped profile it starts from', () => {
    resolvePolicy('ring-2019', { coverageKAnonymity: 9 });
    expect(PROFILES['ring-2019'].coverageKAnonymity).toBe(1);
  });
});

describe('validating changed fields', () => {
  it('refuses an unknown profile', () => {
    expect(fieldsOf(policyProblems('ring-2031', {}))).toEqual(['profile']);
  });

  it('refuses a field that is not a rule', () => {
    expect(policyProblems('ring-2019', { kAnonymity: 3 })).toEqual([{ field: 'kAnonymity', problems: ['is not a policy field'] }]);
  });

  it.each([
    ['coverageKAnonymity', '3'],
    ['coverageKAnonymity', 2.5],
    ['coverageKAnonymity', 0],
    ['coverageKAnonymity', 0],
    ['eligibleAgencyKinds', ['police', 'militia']],
    ['eligibleAgencyKinds', ['police', 'police']],
    ['minAreaSquareMeters', -1],
    ['maxAreaSquareMeters', Number.POSITIVE_INFINITY],
    ['maxWindowSeconds', 0],
    ['defaultRetentionDays', 181],
    ['defaultRetentionDays', 0],
    ['caseNumberRequired', 'yes'],
    ['requestsDefault', 'opt-maybe'],
    ['prohibitedPurposes', ['protest', 'jaywalking']],
    ['prohibitedPurposes', ['protest', 'protest']],
    ['prohibitedPurposes', 'protest'],
    ['emergencyOwnerNoticeSeconds', -1],
  ])('refuses %s = %p, naming the field', (field, value) => {
    expect(fieldsOf(policyProblems('ring-2019', { [field]: value }))).toEqual([field]);
  });

  it.each([
    ['maxOpenRequestsPerCase', null],
    ['heatmapMinPosts', null],
    ['emergencyOwnerNoticeSeconds', null],
    ['defaultRetentionDays', 1],
    ['defaultRetentionDays', 180],
    ['minAreaSquareMeters', 0],
    ['maxAreaSquareMeters', 100.5],
    ['prohibitedPurposes', []],
    ['coverageKAnonymity', null],
    ['eligibleAgencyKinds', ['police', 'sheriff']],
    ['eligibleAgencyKinds', []],
  ])('accepts %s = %p', (field, value) => {
    expect(policyProblems('ring-2019', { [field]: value })).toEqual([]);
  });

  it('refuses a minimum area above the maximum, naming both fields', () => {
    expect(fieldsOf(policyProblems('privacy-by-design', { minAreaSquareMeters: 300_000 }))).toEqual([
      'minAreaSquareMeters',
      'maxAreaSquareMeters',
    ]);
  });

  it('accepts a minimum equal to the maximum', () => {
    expect(policyProblems('ring-2021', { minWindowSeconds: 3600, maxWindowSeconds: 3600 })).toEqual([]);
  });

  it('checks order against the profile too: a new maximum below the profile minimum is refused', () => {
    expect(fieldsOf(policyProblems('ring-2021', { maxWindowSeconds: 60 }))).toEqual(['minWindowSeconds', 'maxWindowSeconds']);
  });

  it('refuses a maximum window longer than the lookback, since no window could then fit', () => {
    expect(fieldsOf(policyProblems('privacy-by-design', { maxLookbackSeconds: 3600 }))).toEqual([
      'maxWindowSeconds',
      'maxLookbackSeconds',
    ]);
  });
});
