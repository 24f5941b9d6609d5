import { describe, expect, it } from '@jest/globals';
import { pseudonymOf } from './pseudonym.js';

const key = Buffer.alloc(32, 7);
const user = '3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('pseudonyms in receipts and access logs', () => {
  it('are stable for a person and differ between people', () => {
    expect(pseudonymOf(key, 'officer', user)).toBe(pseudonymOf(key, 'officer', user));
    expect(pseudonymOf(key, 'officer', user)).not.toBe(pseudonymOf(key, 'officer', '3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5c'));
  });

  it('reveal nothing of the id, and depend on the key and the kind', () => {
    const pseudonym = pseudonymOf(key, 'principal', user);
    expect(pseudonym).toMatch(/^principal-[0-9a-f]{24}$/);
    expect(pseudonym).not.toContain(user.slice(0, 8));
    expect(pseudonymOf(Buffer.alloc(32, 8), 'principal', user)).not.toBe(pseudonym);
    expect(pseudonymOf(key, 'officer', user).slice(-24)).not.toBe(pseudonym.slice(-24));
  });
});
