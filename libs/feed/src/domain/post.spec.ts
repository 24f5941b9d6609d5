import { describe, expect, it } from '@jest/globals';
import { authorOf } from './post.js';

describe('who wrote it, as readers see it', () => {
  it('is the agency with the badge for agency staff', () => {
    expect(authorOf('Town PD', null)).toEqual({ kind: 'agency', name: 'Town PD', verified: true });
  });

  it('is a neighbour number without a badge for a resident', () => {
    expect(authorOf(null, 3)).toEqual({ kind: 'neighbor', name: 'Neighbor #3', verified: false });
  });

  it('refuses to show a resident without a number rather than show anything else', () => {
    expect(() => authorOf(null, null)).toThrow();
  });
});
