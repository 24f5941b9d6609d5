import { describe, expect, it } from '@jest/globals';
import { decodePageCursor, encodePageCursor } from './page-cursor.js';

describe('page cursor', () => {
  it('gives back the position it encoded', () => {
    const position = { at: new Date('2030-01-01T12:00:00.123Z'), id: '6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a' };
    expect(decodePageCursor(encodePageCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'garbage'],
    ['no id', Buffer.from('2030-01-01T12:00:00.000Z').toString('base64url')],
    ['a bad id', Buffer.from("2030-01-01T12:00:00.000Z|x' OR 1=1").toString('base64url')],
    ['a bad date', Buffer.from('someday|6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a').toString('base64url')],
    ['an extra part', Buffer.from('2030-01-01T12:00:00.000Z|6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a|1').toString('base64url')],
  ])('refuses %s', (_case, cursor) => {
    expect(decodePageCursor(cursor)).toBeUndefined();
  });
});
