import { describe, expect, it } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { RejectNulCharactersPipe } from './validation.js';

const pipe = new RejectNulCharactersPipe();
const refusal = (value: unknown, type: 'body' | 'query' | 'param' = 'body', data?: string) => {
  try {
    pipe.transform(value, { type, data });
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
};

describe('NUL characters (U+0000), which PostgreSQL text cannot hold', () => {
  it('passes values without one unchanged, whatever their shape', () => {
    const body = { label: 'Porch', location: { lat: 1, lng: 2 }, ids: ['a', 'b'], none: null };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform(42, { type: 'query', data: 'limit' })).toBe(42);
  });

  it('refuses one anywhere in a body, naming the field by its dotted path', () => {
    expect(refusal({ label: 'Porch\u0000' })).toMatchObject({ code: 'NUL_CHARACTER', details: [{ field: 'label' }] });
    expect(refusal({ area: { center: { lat: '\u0000' } } })?.details).toEqual([{ field: 'area.center.lat', problems: ['contains U+0000'] }]);
    expect(refusal({ recordingIds: ['ok', 'no\u0000'] })?.details).toEqual([{ field: 'recordingIds.1', problems: ['contains U+0000'] }]);
  });

  it('names a single query or path value by its own name, and a whole string body by its kind', () => {
    expect(refusal('a\u0000b', 'query', 'q')?.details).toEqual([{ field: 'q', problems: ['contains U+0000'] }]);
    expect(refusal('a\u0000b', 'body')?.details).toEqual([{ field: 'body', problems: ['contains U+0000'] }]);
    expect(refusal('x\u0000', 'param', 'id')).toBeInstanceOf(DomainError);
  });
});
