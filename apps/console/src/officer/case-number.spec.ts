import { describe, expect, it } from '@jest/globals';
import { nextCaseNumber } from './case-number.js';

describe('nextCaseNumber', () => {
  it('counts up the last number, keeping its width', () => {
    expect(nextCaseNumber('PF-2030-01-01-1')).toBe('PF-2030-01-01-2');
    expect(nextCaseNumber('PF-2030-01-01-9')).toBe('PF-2030-01-01-10');
    expect(nextCaseNumber('2030-0099')).toBe('2030-0100');
    expect(nextCaseNumber('A7b')).toBe('A8b');
  });

  it('appends a number to one without', () => {
    expect(nextCaseNumber('burglary')).toBe('burglary-2');
  });
});
