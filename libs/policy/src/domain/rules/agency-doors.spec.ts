import { describe, expect, it } from '@jest/globals';
import { PROFILES } from '../policy.js';
import { checkAgencyEligible } from './agency-eligibility.js';
import { checkCoverageAccess } from './coverage.js';

describe('which agencies may request footage', () => {
  it('is every kind under the three tabled profiles', () => {
    for (const policy of Object.values(PROFILES)) {
      for (const kind of ['police', 'sheriff', 'fire', 'federal']) expect(checkAgencyEligible(policy, kind)).toBeNull();
    }
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
  it('is open wherever the policy sets a k (1, 3, 5)', () => {
    for (const policy of Object.values(PROFILES)) expect(checkCoverageAccess(policy)).toBeNull();
  });

  it('is closed, naming the rule, when k is null', () => {
    expect(checkCoverageAccess({ coverageKAnonymity: null })).toEqual({
      code: 'POLICY_COVERAGE_FORBIDDEN',
      message: expect.any(String),
      details: { rule: 'coverageKAnonymity', limit: null },
    });
  });
});
