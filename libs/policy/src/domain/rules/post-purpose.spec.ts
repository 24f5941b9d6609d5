import { describe, expect, it } from '@jest/globals';
import { PROFILES } from '../policy.js';
import { checkPostPurpose } from './purpose.js';

const RACE_ONLY = { title: 'Suspicious person', body: 'A black man walking around the block twice.' };
const DISTINGUISHED = { title: 'Suspicious person', body: 'A black man in a red hoodie with a blue backpack tried car doors.' };

describe('screening feed posts with the prohibited purpose "descriptions by race alone"', () => {
  it('holds a post describing a person by race alone where the policy prohibits it', () => {
    for (const profile of ['ring-2021', 'privacy-by-design'] as const) {
      expect(checkPostPurpose(PROFILES[profile], RACE_ONLY)).toMatchObject({ code: 'POLICY_PROHIBITED_PURPOSE', details: { purpose: 'race-only-description' } });
    }
  });

  it('looks at the title too', () => {
    expect(checkPostPurpose(PROFILES['ring-2021'], { title: 'Hispanic teens again', body: 'Walking around.' })).not.toBeNull();
  });

  it('lets the same post through where the policy does not prohibit it (ring-2019)', () => {
    expect(checkPostPurpose(PROFILES['ring-2019'], RACE_ONLY)).toBeNull();
  });

  it('lets a description that singles one person out through', () => {
    expect(checkPostPurpose(PROFILES['privacy-by-design'], DISTINGUISHED)).toBeNull();
  });
});
