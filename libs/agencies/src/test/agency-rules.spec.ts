import { describe, expect, it } from '@jest/globals';
import { containsPattern } from '../domain/agency.js';

describe('agency search', () => {
  it('matches the text anywhere and takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('spring')).toBe('%spring%');
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
    expect(containsPattern('back\\slash')).toBe('%back\\\\slash%');
  });
});
