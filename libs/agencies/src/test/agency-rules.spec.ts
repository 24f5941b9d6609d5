import { AGENCY_KIND_NAMES } from '@app/policy';
import { describe, expect, it } from '@jest/globals';
import { AGENCY_KINDS, containsPattern } from '../domain/agency.js';

describe('agency search', () => {
  it('matches the text anywhere and takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('spring')).toBe('%spring%');
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
    expect(containsPattern('back\\slash')).toBe('%back\\\\slash%');
  });
});

describe('the kinds of agency', () => {
  it('are the kinds the policy’s eligibility rule names, so every agency can be allowed or refused', () => {
    expect([...AGENCY_KINDS].sort()).toEqual([...AGENCY_KIND_NAMES].sort());
  });
});
