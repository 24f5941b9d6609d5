import { describe, expect, it } from '@jest/globals';
import { isValidIdempotencyKey, requestHash } from './idempotency-key.js';

describe('idempotency key rules', () => {
  it('accepts 1 to 255 characters and nothing else', () => {
    expect(isValidIdempotencyKey('a')).toBe(true);
    expect(isValidIdempotencyKey('k'.repeat(255))).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('k'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey(['a', 'b'])).toBe(false);
  });

  it('hashes the same body alike whatever its key order', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(requestHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes different bodies differently, and no body like null', () => {
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash(undefined)).toBe(requestHash(null));
  });

  it('has no hash for a body without a canonical form', () => {
    expect(requestHash({ text: '\ud800' })).toBeUndefined();
  });
});
