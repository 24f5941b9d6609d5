import { describe, expect, it } from '@jest/globals';
import { checkWarrantPath } from './overrides.js';

describe('the warrant path', () => {
  it('is open where the policy has one', () => {
    expect(checkWarrantPath({ warrantPath: true })).toBeNull();
  });

  it('is a 422 naming the rule where it is closed', () => {
    expect(checkWarrantPath({ warrantPath: false })).toMatchObject({ code: 'POLICY_WARRANT_PATH_CLOSED', details: { rule: 'warrantPath' } });
  });
});
