import { describe, expect, it } from '@jest/globals';
import { parseFragment } from './fragment.js';

describe('parseFragment', () => {
  it('reads the key of the URL npm start prints', () => {
    expect(parseFragment('#sandbox=abc123')).toEqual({ sandboxKey: 'abc123', panes: [null, null] });
  });

  it('reads who each pane shows, and decodes', () => {
    expect(parseFragment('#left=officer%40north.porchlight.local&sandbox=a%2Bb&right=alice@porchlight.local')).toEqual({
      sandboxKey: 'a+b',
      panes: ['officer@north.porchlight.local', 'alice@porchlight.local'],
    });
  });

  it('has nothing without a fragment', () => {
    expect(parseFragment('')).toEqual({ sandboxKey: null, panes: [null, null] });
    expect(parseFragment('#sandboxed=1').sandboxKey).toBeNull();
  });
});
