import { describe, expect, it } from '@jest/globals';
import { PROFILES } from '../policy.js';
import { checkStaffFootageAccess } from './staff-access.js';

describe('platform staff opening footage', () => {
  it.each(['ring-2019', 'ring-2021'] as const)('under %s needs no reason (it is still logged)', (name) => {
    expect(checkStaffFootageAccess(PROFILES[name], undefined)).toBeNull();
  });

  it('under privacy-by-design needs a stated reason', () => {
    for (const reason of [undefined, '', '   ']) {
      expect(checkStaffFootageAccess(PROFILES['privacy-by-design'], reason)).toMatchObject({
        code: 'POLICY_STAFF_REASON_REQUIRED',
        details: { rule: 'staffFootageAccess' },
      });
    }
    expect(checkStaffFootageAccess(PROFILES['privacy-by-design'], 'Owner asked support to check a clip')).toBeNull();
  });
});
