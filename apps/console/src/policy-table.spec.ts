import { describe, expect, it } from '@jest/globals';
import { ruleRows, ruleText } from './policy-table.js';

describe('the policy table of the console', () => {
  it('puts every rule of every profile in one row, in the profiles’ order, and marks the rules they disagree on', () => {
    const rows = ruleRows([
      { profile: 'a', summary: 'A', requestsDefault: 'opt-out', maxWindowSeconds: 43_200, purposes: ['theft'] },
      { profile: 'b', summary: 'B', requestsDefault: 'opt-in', maxWindowSeconds: 43_200, purposes: ['theft'], reviewed: true },
    ]);
    expect(rows).toEqual([
      { rule: 'requestsDefault', values: ['opt-out', 'opt-in'], differs: true },
      { rule: 'maxWindowSeconds', values: ['43,200', '43,200'], differs: false },
      { rule: 'purposes', values: ['theft', 'theft'], differs: false },
      { rule: 'reviewed', values: ['undefined', 'true'], differs: true },
    ]);
  });

  it('writes values as a class reads them', () => {
    expect(ruleText(null)).toBe('none');
    expect(ruleText([])).toBe('—');
    expect(ruleText(['police', 'sheriff'])).toBe('police, sheriff');
    expect(ruleText(1294994.055168)).toBe('1,294,994.06');
    expect(ruleText(false)).toBe('false');
  });
});
