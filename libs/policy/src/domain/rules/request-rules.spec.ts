import { describe, expect, it } from '@jest/globals';
import { PROFILE_NAMES, PROFILES, type ProfileName } from '../policy.js';
import { checkCaseNumber, checkOpenRequestsPerCase } from './case-number.js';
import { checkDeletion } from './deletion.js';
import { checkPurpose } from './purpose.js';

const profiles = PROFILE_NAMES.map((name) => [name, PROFILES[name]] as const);

describe.each(profiles)('case number under %s (required by every shipped profile)', (_name, policy) => {
  it.each([null, undefined, '', '   '])('refuses a missing or blank case number (%p)', (caseNumber) => {
    expect(checkCaseNumber(policy, caseNumber)?.code).toBe('POLICY_CASE_NUMBER_REQUIRED');
  });

  it('accepts a case number', () => {
    expect(checkCaseNumber(policy, '2025-004711')).toBeNull();
  });
});

describe('case number', () => {
  it('is optional when a policy says so', () => {
    expect(checkCaseNumber({ caseNumberRequired: false }, null)).toBeNull();
  });
});

describe('open requests per case number', () => {
  it('has no limit under ring-2019', () => {
    expect(checkOpenRequestsPerCase(PROFILES['ring-2019'], 10_000)).toBeNull();
  });

  it.each([
    ['ring-2021', 2],
    ['privacy-by-design', 1],
  ] as [ProfileName, number][])('under %s allows a new request while fewer than %i are open', (name, limit) => {
    expect(PROFILES[name].maxOpenRequestsPerCase).toBe(limit);
    expect(checkOpenRequestsPerCase(PROFILES[name], limit - 1)).toBeNull();
    expect(checkOpenRequestsPerCase(PROFILES[name], limit)).toEqual({
      code: 'POLICY_TOO_MANY_OPEN_REQUESTS',
      message: expect.any(String),
      details: { limit, open: limit },
    });
  });
});

describe('request deletion', () => {
  it.each([
    ['ring-2019', null],
    ['ring-2021', 'POLICY_DELETE_NOT_ALLOWED'],
    ['privacy-by-design', 'POLICY_DELETE_NOT_ALLOWED'],
  ] as [ProfileName, string | null][])('under %s answers %p', (name, code) => {
    expect(checkDeletion(PROFILES[name])?.code ?? null).toBe(code);
  });
});

describe('prohibited purposes', () => {
  const neutral = 'Package taken from the porch around noon';
  const raceOnly = 'Suspicious black man walking around the block';
  // [profile, protest refused, race-only description refused, immigration refused]
  const table: [ProfileName, boolean, boolean, boolean][] = [
    ['ring-2019', false, false, false],
    ['ring-2021', true, true, false],
    ['privacy-by-design', true, true, true],
  ];

  it.each(table)('under %s: protest %p, race alone %p, immigration %p', (name, protest, race, immigration) => {
    const policy = PROFILES[name];
    const refused = (incidentType: string, description: string) => checkPurpose(policy, { incidentType, description });
    expect(refused('protest', neutral)).toEqual(
      protest ? { code: 'POLICY_PROHIBITED_PURPOSE', message: expect.any(String), details: { purpose: 'protest' } } : null,
    );
    expect(refused('suspicious-person', raceOnly)?.details ?? null).toEqual(race ? { purpose: 'race-only-description' } : null);
    expect(refused('immigration-enforcement', neutral)?.details ?? null).toEqual(immigration ? { purpose: 'immigration' } : null);
    expect(refused('package-theft', neutral)).toBeNull();
  });

  it('matches incident types whatever their case, spacing or underscores', () => {
    const policy = PROFILES['privacy-by-design'];
    expect(checkPurpose(policy, { incidentType: ' Immigration Enforcement', description: '' })?.details).toEqual({ purpose: 'immigration' });
    expect(checkPurpose(policy, { incidentType: 'CIVIL_DISOBEDIENCE', description: '' })?.details).toEqual({ purpose: 'protest' });
  });

  it('does not catch ordinary crimes that happen near a protest', () => {
    expect(checkPurpose(PROFILES['privacy-by-design'], { incidentType: 'vandalism', description: neutral })).toBeNull();
  });

  it('names the first prohibited purpose in the documented order when several apply', () => {
    expect(checkPurpose(PROFILES['privacy-by-design'], { incidentType: 'protest', description: raceOnly })?.details).toEqual({
      purpose: 'protest',
    });
  });
});
