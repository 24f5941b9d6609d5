import { describe, expect, it } from '@jest/globals';
import { PROFILES, type ProfileName } from '../policy.js';
import { checkAgencyEligible } from './agency-eligibility.js';
import { checkCoverageAccess } from './coverage.js';

const TABLED: ProfileName[] = ['ring-2019', 'ring-2021', 'privacy-by-design'];

describe('which agencies may request footage', () => {
  it('is every kind under the three tabled profiles', () => {
    for (const profile of TABLED) {
      for (const kind of ['police', 'sheriff', 'fire', 'federal']) expect(checkAgencyEligible(PROFILES[profile], kind)).toBeNull();
    }
  });

  it('is every kind but federal under ring-2025 (Ring said ICE is not eligible)', () => {
    for (const kind of ['police', 'sheriff', 'fire']) expect(checkAgencyEligible(PROFILES['ring-2025'], kind)).toBeNull();
    expect(checkAgencyEligible(PROFILES['ring-2025'], 'federal')?.code).toBe('POLICY_AGENCY_NOT_ELIGIBLE');
  });

  it('refuses a kind the policy leaves out, naming the rule and the kind', () => {
    const policy = { eligibleAgencyKinds: ['police', 'sheriff', 'fire'] as ('police' | 'sheriff' | 'fire')[] };
    expect(checkAgencyEligible(policy, 'federal')).toMatchObject({
      code: 'POLICY_AGENCY_NOT_ELIGIBLE',
      details: { rule: 'eligibleAgencyKinds', value: 'federal', limit: ['police', 'sheriff', 'fire'] },
    });
    expect(checkAgencyEligible(policy, 'police')).toBeNull();
  });
});

describe('the coverage map for police', () => {
  it('is open wherever the policy sets a k (1, 3, 5 in the tabled profiles)', () => {
    for (const profile of TABLED) expect(checkCoverageAccess(PROFILES[profile])).toBeNull();
  });

  it('is closed under ring-2025', () => {
    expect(checkCoverageAccess(PROFILES['ring-2025'])?.code).toBe('POLICY_COVERAGE_FORBIDDEN');
  });

  it('is closed, naming the rule, when k is null', () => {
    expect(checkCoverageAccess({ coverageKAnonymity: null })).toEqual({
      code: 'POLICY_COVERAGE_FORBIDDEN',
      message: expect.any(String),
      details: { rule: 'coverageKAnonymity', limit: null },
    });
  });
});
