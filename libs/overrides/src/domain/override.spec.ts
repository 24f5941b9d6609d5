import { PROFILES } from '@app/policy';
import { describe, expect, it } from '@jest/globals';
import { approvalTerms, decisionProblem, grantedOnTheSpot, pseudonymNumbers } from './override.js';

const AT = new Date('2031-09-01T12:00:00Z');

describe('who decides an override', () => {
  it('grants an emergency on the spot only where the platform decides alone (ring-2019)', () => {
    expect(grantedOnTheSpot('emergency', { emergencyDisclosure: 'platform-alone' })).toBe(true);
    expect(grantedOnTheSpot('emergency', { emergencyDisclosure: 'moderator-approval' })).toBe(false);
  });

  it('always has a moderator check a warrant', () => {
    expect(grantedOnTheSpot('warrant', { emergencyDisclosure: 'platform-alone' })).toBe(false);
  });
});

describe('the terms fixed at approval', () => {
  it('under ring-2019: pseudonyms, owners never told, not in the report', () => {
    expect(approvalTerms('emergency', PROFILES['ring-2019'], AT)).toEqual({
      shownAs: 'pseudonym',
      ownerNoticeSeconds: null,
      noticeDueAt: null,
      inTransparencyReport: false,
    });
  });

  it('under privacy-by-design: owners told within 24 h, in the report', () => {
    expect(approvalTerms('emergency', PROFILES['privacy-by-design'], AT)).toEqual({
      shownAs: 'pseudonym',
      ownerNoticeSeconds: 86_400,
      noticeDueAt: new Date('2031-09-02T12:00:00Z'),
      inTransparencyReport: true,
    });
  });

  it('counts a warrant in the report whatever the policy says of emergencies', () => {
    expect(approvalTerms('warrant', { ...PROFILES['ring-2021'], emergencyInTransparencyReport: false }, AT).inTransparencyReport).toBe(true);
    expect(approvalTerms('emergency', { ...PROFILES['ring-2021'], emergencyInTransparencyReport: false }, AT).inTransparencyReport).toBe(false);
  });

  it('shows owners to police as the policy in force does', () => {
    expect(approvalTerms('emergency', PROFILES['ring-2021'], AT).shownAs).toBe('identity');
  });
});

describe('a moderator decision', () => {
  it('is taken once', () => {
    expect(decisionProblem({ status: 'approved', basis: 'emergency' }, { approve: false })).toBe('already-decided');
    expect(decisionProblem({ status: 'refused', basis: 'warrant' }, { approve: true, warrantChecked: true })).toBe('already-decided');
  });

  it('approves a warrant only once the moderator says it was checked', () => {
    expect(decisionProblem({ status: 'pending', basis: 'warrant' }, { approve: true })).toBe('warrant-unchecked');
    expect(decisionProblem({ status: 'pending', basis: 'warrant' }, { approve: true, warrantChecked: true })).toBeNull();
    expect(decisionProblem({ status: 'pending', basis: 'warrant' }, { approve: false })).toBeNull();
    expect(decisionProblem({ status: 'pending', basis: 'emergency' }, { approve: true })).toBeNull();
  });
});

describe('pseudonym numbers for the owners an override reaches', () => {
  it('keeps known numbers and gives the others the next free ones, once each', () => {
    const known = new Map([
      ['b-owner', 2],
      ['a-owner', 5],
    ]);
    expect(pseudonymNumbers(['z-owner', 'b-owner', 'c-owner', 'z-owner'], known)).toEqual(
      new Map([
        ['b-owner', 2],
        ['c-owner', 6],
        ['z-owner', 7],
      ]),
    );
  });

  it('starts at 1 when nobody on the request has a number yet', () => {
    expect(pseudonymNumbers(['x'], new Map())).toEqual(new Map([['x', 1]]));
  });
});
