import { describe, expect, it } from '@jest/globals';
import { PROFILES } from '../policy.js';
import { checkHeatmapAccess } from './heatmap.js';

describe('the incident heat map for agencies', () => {
  it('is open where the policy sets a minimum of posts per cell (ring-2019: 1, ring-2021: 3)', () => {
    expect(checkHeatmapAccess(PROFILES['ring-2019'])).toBeNull();
    expect(checkHeatmapAccess(PROFILES['ring-2021'])).toBeNull();
  });

  it('is closed, naming the rule, where the policy sets none (privacy-by-design)', () => {
    expect(checkHeatmapAccess(PROFILES['privacy-by-design'])).toEqual({
      code: 'POLICY_HEATMAP_FORBIDDEN',
      message: expect.any(String),
      details: { rule: 'heatmapMinPosts', limit: null },
    });
  });
});
